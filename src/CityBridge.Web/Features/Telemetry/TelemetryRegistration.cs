using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CityBridge.Web.Features.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// Traces (requests, outgoing HTTP) and metrics (request rate and latency, runtime, CityBridge's own), exported over
    /// OTLP when OTEL_EXPORTER_OTLP_ENDPOINT (or OpenTelemetry:OtlpEndpoint) is set; otherwise collected in process only.
    /// </summary>
    public static IServiceCollection AddTelemetryFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CityBridgeMetrics>();
        services.AddHostedService<OutboxDepthSampler>();
        var fromEnvironment = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var fromSettings = configuration["OpenTelemetry:OtlpEndpoint"];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("CityBridge"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(CityBridgeMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            telemetry.UseOtlpExporter(); // reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers)
        }
        else if (!string.IsNullOrWhiteSpace(fromSettings))
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(fromSettings));
        }

        return services;
    }
}
