using System.Diagnostics.Metrics;
using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CityBridge.Web.Features.Telemetry;

/// <summary>The app's own metrics, on one meter named "CityBridge"; features record into these instruments.</summary>
public sealed class CityBridgeMetrics : IDisposable
{
    public const string MeterName = "CityBridge";

    private readonly Meter meter = new(MeterName);
    private long outboxDepth;

    public CityBridgeMetrics()
    {
        SchedulerRunSeconds = meter.CreateHistogram<double>("citybridge.scheduler.run.duration", "s", "Wall-clock time of a meeting-scheduler run");
        RematchSeconds = meter.CreateHistogram<double>("citybridge.matching.rematch.duration", "s", "Wall-clock time of re-ranking projects");
        meter.CreateObservableGauge("citybridge.outbox.depth", () => Interlocked.Read(ref outboxDepth), "{message}", "E-mails waiting in the outbox");
    }

    public Histogram<double> SchedulerRunSeconds { get; }

    public Histogram<double> RematchSeconds { get; }

    public void SetOutboxDepth(long depth) => Interlocked.Exchange(ref outboxDepth, depth);

    public void Dispose() => meter.Dispose();
}

/// <summary>Reads the outbox depth for the gauge every few seconds (gauge callbacks cannot query the database).</summary>
public sealed class OutboxDepthSampler(IServiceScopeFactory scopes, CityBridgeMetrics metrics, ILogger<OutboxDepthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                metrics.SetOutboxDepth(await scope.ServiceProvider.GetRequiredService<CityBridgeDb>().Outbox.LongCountAsync(m => m.SentAt == null, stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Outbox depth could not be read");
            }

            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
