namespace CityBridge.Web.Features.Reference;

/// <summary>The read-only reference data endpoints (countries, sectors).</summary>
public static class ReferenceRegistration
{
    public static IEndpointRouteBuilder MapReferenceFeature(this IEndpointRouteBuilder app)
    {
        app.MapReferenceApi();
        return app;
    }
}
