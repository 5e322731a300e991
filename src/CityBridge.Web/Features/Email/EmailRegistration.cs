namespace CityBridge.Web.Features.Email;

/// <summary>The outbox and its sender, which delivers queued e-mail over SMTP in the background.</summary>
public static class EmailRegistration
{
    public static IServiceCollection AddEmailFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Smtp"));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
