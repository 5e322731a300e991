using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Organizations;

/// <summary>The organizations feature's endpoints; who may use its pages is declared on the page models.</summary>
public static class OrganizationsRegistration
{
    public static IEndpointRouteBuilder MapOrganizationsFeature(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi(OrganizationDefinition.Instance);
        return app;
    }
}
