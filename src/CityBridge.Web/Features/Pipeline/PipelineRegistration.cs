using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Pipeline;

/// <summary>The pipeline feature's endpoints; who may use its pages is declared on the page models.</summary>
public static class PipelineRegistration
{
    public static IEndpointRouteBuilder MapPipelineFeature(this IEndpointRouteBuilder app)
    {
        app.MapRecordApi(OpportunityDefinition.Instance);
        return app;
    }
}
