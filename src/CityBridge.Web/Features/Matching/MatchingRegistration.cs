namespace CityBridge.Web.Features.Matching;

/// <summary>The matching feature's engine, background worker and endpoints; who may use its page is declared on the page model.</summary>
public static class MatchingRegistration
{
    public static IServiceCollection AddMatchingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MatchingOptions>(configuration.GetSection("Matching"));
        services.AddSingleton<MatchingEngine>();
        services.AddHostedService<MatchingWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapMatchingFeature(this IEndpointRouteBuilder app)
    {
        app.MapMatchingApi();
        return app;
    }
}
