namespace CityBridge.Web.Features.Dashboard;

/// <summary>The dashboard feature's services; who may use its pages is declared on the page models.</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        services.AddScoped<DashboardFacts>();
        return services;
    }
}
