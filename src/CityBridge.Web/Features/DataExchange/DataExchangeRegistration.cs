namespace CityBridge.Web.Features.DataExchange;

/// <summary>The CSV import and export services and endpoints; who may use its page is declared on the page model.</summary>
public static class DataExchangeRegistration
{
    public static IServiceCollection AddDataExchangeFeature(this IServiceCollection services)
    {
        services.AddScoped<CsvImporter>();
        services.AddScoped<CsvExporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapDataExchangeFeature(this IEndpointRouteBuilder app)
    {
        app.MapDataExchangeApi();
        return app;
    }
}
