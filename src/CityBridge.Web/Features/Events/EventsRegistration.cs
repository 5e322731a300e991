namespace CityBridge.Web.Features.Events;

/// <summary>The events feature's services, scheduling job and endpoints; who may use its pages is declared on the page models.</summary>
public static class EventsRegistration
{
    public static IServiceCollection AddEventsFeature(this IServiceCollection services)
    {
        services.AddScoped<EventWorkflow>();
        services.AddScoped<EventDay>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<EventEdits>();
        services.AddSingleton<EventScheduling>();
        services.AddHostedService(sp => sp.GetRequiredService<EventScheduling>());
        return services;
    }

    public static IEndpointRouteBuilder MapEventsFeature(this IEndpointRouteBuilder app)
    {
        app.MapEventsApi();
        app.MapEventDayApi();
        return app;
    }
}
