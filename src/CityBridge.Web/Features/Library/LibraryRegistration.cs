using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Library;

/// <summary>The library feature's services and endpoints; who may use its pages is declared on the page models.</summary>
public static class LibraryRegistration
{
    public static IServiceCollection AddLibraryFeature(this IServiceCollection services)
    {
        services.AddScoped<LibraryLinks>();
        return services;
    }

    public static IEndpointRouteBuilder MapLibraryFeature(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi(LibraryDefinition.Instance);
        return app;
    }
}
