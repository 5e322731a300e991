namespace CityBridge.Web.Features.Search;

/// <summary>The site search's sources, index warm-up and endpoint.</summary>
public static class SearchRegistration
{
    public static IServiceCollection AddSearchFeature(this IServiceCollection services)
    {
        services.AddSingleton<ISearchSource, LibrarySearchSource>();
        services.AddSingleton<ISearchSource, ProjectSearchSource>();
        services.AddSingleton<ISearchSource, OrganizationSearchSource>();
        services.AddSingleton<ISearchSource, SolutionSearchSource>();
        services.AddSingleton<ISearchSource, ProgramSearchSource>();
        services.AddSingleton<SiteSearch>();
        services.AddHostedService<SearchWarmUp>();
        return services;
    }

    public static IEndpointRouteBuilder MapSearchFeature(this IEndpointRouteBuilder app)
    {
        SearchApi.MapSearchApi(app);
        return app;
    }
}
