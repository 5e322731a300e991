namespace CityBridge.Web.Features.Shared;

/// <summary>
/// A background pass run at start and then every <see cref="Interval"/> until the app stops. A failed pass is logged and
/// the next one tries again; every pass is written to be safe to repeat (and to run on several instances at once).
/// </summary>
public abstract class RepeatingPass(ILogger logger) : BackgroundService
{
    /// <summary>The time between the starts of two passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The pass's name in the log ("Outbox pass").</summary>
    protected abstract string Name { get; }

    /// <summary>One pass; <paramref name="ct"/> is the app's stop request.</summary>
    protected abstract Task PassAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Pass} failed; retrying later", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
