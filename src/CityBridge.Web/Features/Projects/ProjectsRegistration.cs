using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Projects;

/// <summary>The projects feature's endpoints; who may use its pages is declared on the page models.</summary>
public static class ProjectsRegistration
{
    public static IEndpointRouteBuilder MapProjectsFeature(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi(ProjectDefinition.Instance);
        return app;
    }
}
