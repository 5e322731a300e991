using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Cities;

/// <summary>The cities feature's endpoints; who may use its pages is declared on the page models.</summary>
public static class CitiesRegistration
{
    public static IEndpointRouteBuilder MapCitiesFeature(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi(CityDefinition.Instance);
        return app;
    }
}
