using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Solutions;

/// <summary>The solutions feature's endpoints; who may use its pages is declared on the page models.</summary>
public static class SolutionsRegistration
{
    public static IEndpointRouteBuilder MapSolutionsFeature(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi(SolutionDefinition.Instance);
        return app;
    }
}
