using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CityBridge.Web.Features.Health;

/// <summary>Liveness and readiness checks and their endpoints.</summary>
public static class HealthRegistration
{
    public static IServiceCollection AddHealthFeature(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["live", "ready"])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthFeature(this IEndpointRouteBuilder app)
    {
        // Liveness (the process and its database) for restarts; readiness (also the schema) for the load balancer.
        app.MapHealthChecks("/health", new() { ResponseWriter = WriteJsonAsync, Predicate = c => c.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new() { ResponseWriter = WriteJsonAsync, Predicate = c => c.Tags.Contains("ready") });
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
