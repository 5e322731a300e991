using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityBridge.Web.Features.Health;

/// <summary>Ready when every migration this build knows has been applied to the database.</summary>
public sealed class MigrationsHealthCheck(CityBridgeDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("all migrations applied")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}; run citybridge db migrate");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"migrations cannot be read: {ex.GetType().Name}");
        }
    }
}

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
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["live", "ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        return services;
    }

    public static void MapCityBridgeHealth(this IEndpointRouteBuilder app)
    {
        // Liveness (the process and its database) for restarts; readiness (also the schema) for the load balancer.
        app.MapHealthChecks("/health", new() { ResponseWriter = WriteJsonAsync, Predicate = c => c.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new() { ResponseWriter = WriteJsonAsync, Predicate = c => c.Tags.Contains("ready") });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
