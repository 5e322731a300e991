namespace CityBridge.Web.Features.Readiness;

/// <summary>The readiness feature's endpoints; its collaborators are composed per request in <see cref="ReadinessFeature"/>.</summary>
public static class ReadinessRegistration
{
    public static IEndpointRouteBuilder MapReadinessFeature(this IEndpointRouteBuilder app)
    {
        app.MapReadinessApi();
        return app;
    }
}
