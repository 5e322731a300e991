namespace CityBridge.Web.Features.Interests;

/// <summary>The interest feature's services; who may use its pages is declared on the page models.</summary>
public static class InterestsRegistration
{
    public static IServiceCollection AddInterestsFeature(this IServiceCollection services)
    {
        services.AddScoped<InterestIntake>();
        return services;
    }
}
