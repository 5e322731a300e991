namespace CityBridge.Web.Features.Jobs;

/// <summary>The leases that let one app instance at a time run a background job.</summary>
public static class JobsRegistration
{
    public static IServiceCollection AddJobsFeature(this IServiceCollection services)
    {
        services.AddSingleton<JobLeases>();
        return services;
    }
}
