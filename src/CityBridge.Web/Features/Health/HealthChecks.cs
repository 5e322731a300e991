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
