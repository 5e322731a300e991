namespace CityBridge.Web.Features.My;

/// <summary>Registers the workspace's services and background pass (its pages need a sign-in: see their page models).</summary>
public static class MyRegistration
{
    public static IServiceCollection AddMyFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MyOptions>(o =>
        {
            configuration.GetSection("My").Bind(o);
            if (configuration["CityBridge:PublicUrl"] is { Length: > 0 } publicUrl)
            {
                o.PublicUrl = new Uri(publicUrl);
            }
        });
        services.AddScoped<MeetingNotices>();
        services.AddScoped<MatchMoves>();
        services.AddScoped<Conversations>();
        services.AddScoped<WorkspaceQueries>();
        services.AddSingleton<NoticePass>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticePass>());
        return services;
    }

    public static IEndpointRouteBuilder MapMyFeature(this IEndpointRouteBuilder app)
    {
        app.MapMyApi();
        return app;
    }
}
