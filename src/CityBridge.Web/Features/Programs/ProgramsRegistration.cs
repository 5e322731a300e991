namespace CityBridge.Web.Features.Programs;

/// <summary>The programs feature's services, reminder job and endpoints; who may use its pages is declared on the page models.</summary>
public static class ProgramsRegistration
{
    public static IServiceCollection AddProgramsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProgramOptions>(configuration.GetSection("Programs"));
        services.AddScoped<ProgramWorkflow>();
        services.AddScoped<ProgramItinerary>();
        services.AddScoped<ProgramReport>();
        services.AddSingleton<ProgramReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<ProgramReminders>());
        return services;
    }

    public static IEndpointRouteBuilder MapProgramsFeature(this IEndpointRouteBuilder app)
    {
        app.MapProgramsApi();
        return app;
    }
}
