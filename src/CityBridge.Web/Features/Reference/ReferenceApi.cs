using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Reference;

public sealed record CountryDto(string Code, string Name, string Capital, long UrbanPopulationToday, long UrbanPopulation2050, decimal UrbanSharePercentToday, decimal UrbanSharePercent2050, int CityCount, string Source);

public sealed record SectorDto(string Key, string Name, string Description, IReadOnlyList<string> RelatedKeys);

/// <summary>Read-only reference data: countries with urban population facts, and the sector taxonomy.</summary>
public static class ReferenceApi
{
    public static IQueryable<CountryDto> CountryRows(CityBridgeDb db, string? code = null) =>
        db.Countries.AsNoTracking().Where(c => code == null || c.Code == code).OrderBy(c => c.Name).Select(c => new CountryDto(
            c.Code, c.Name, c.Capital, c.UrbanPopulationToday, c.UrbanPopulation2050, c.UrbanSharePercentToday, c.UrbanSharePercent2050,
            db.Cities.Count(city => city.CountryCode == c.Code), c.Source));

    public static IReadOnlyList<SectorDto> Sectors { get; } =
        SectorTaxonomy.All.Select(s => new SectorDto(s.Key, s.Name, s.Description, s.RelatedKeys)).ToList();

    public static void MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var countries = app.MapGroup("/api/countries").WithTags("countries");
        countries.MapGet("/", async (CityBridgeDb db, CancellationToken ct) =>
        {
            var items = await CountryRows(db).ToListAsync(ct);
            return TypedResults.Ok(new CollectionResponse<CountryDto>(items, items.Count, 1, items.Count));
        }).WithSummary("The ASEAN countries with urban population today and projected for 2050.");
        countries.MapGet("/{code}", async Task<IResult> (string code, CityBridgeDb db, CancellationToken ct) =>
        {
            var upper = code.ToUpperInvariant();
            var country = await CountryRows(db, upper).FirstOrDefaultAsync(ct);
            return country is null
                ? TypedResults.Problem(title: "Not found", detail: $"There is no country with code '{code}'.", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Ok(country);
        }).Produces<CountryDto>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One country.");

        app.MapGet("/api/sectors", () => TypedResults.Ok(new CollectionResponse<SectorDto>(Sectors, Sectors.Count, 1, Sectors.Count)))
            .WithTags("sectors").WithSummary("The sector taxonomy shared by projects, solutions and programs.");
    }
}
