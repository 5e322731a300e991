using CityBridge.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityBridge.Web.Features.Health;

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(CityBridgeDb db, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{settings.Provider} database reachable")
                : HealthCheckResult.Unhealthy($"{settings.Provider} database not reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{settings.Provider} database not reachable: {ex.GetType().Name}");
        }
    }
}

public static class HealthEndpoints
{
    public static IServiceCollection AddCityBridgeHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void MapCityBridgeHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new() { ResponseWriter = WriteJsonAsync });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
