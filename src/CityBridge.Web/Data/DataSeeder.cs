using System.Globalization;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Countries;
using CityBridge.Web.Features.DataExchange;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Data;

/// <summary>Migrates the database and loads the shipped reference data (countries, cities) and, when asked, the demo data set.</summary>
public sealed class DataSeeder(CityBridgeDb db, ILogger<DataSeeder> logger)
{
    public const string CountriesSource = "UN DESA, World Urbanization Prospects: The 2018 Revision";

    /// <summary>The shipped data folder: next to the binaries, where the build copies <c>data/</c>.</summary>
    public static string ShippedDataFolder => Path.Combine(AppContext.BaseDirectory, "data");

    public async Task MigrateAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
    }

    public async Task SeedReferenceDataAsync(CancellationToken ct)
    {
        var countries = await db.Countries.ToDictionaryAsync(c => c.Code, ct);
        foreach (var row in ReadCsv<CountryRow>("countries.csv"))
        {
            if (!countries.TryGetValue(row.Code, out var country))
            {
                country = new Country { Code = row.Code, Name = row.Name, Capital = row.Capital, Source = CountriesSource };
                db.Countries.Add(country);
            }

            // Reference facts follow the shipped file, so a corrected figure reaches existing databases.
            country.Name = row.Name;
            country.Capital = row.Capital;
            country.UrbanPopulationToday = row.UrbanPopulationToday;
            country.UrbanPopulation2050 = row.UrbanPopulation2050;
            country.UrbanSharePercentToday = row.UrbanSharePercentToday;
            country.UrbanSharePercent2050 = row.UrbanSharePercent2050;
            country.Source = CountriesSource;
        }

        await db.SaveChangesAsync(ct);

        var cities = (await db.Cities.Select(c => new { c.CountryCode, c.Name }).ToListAsync(ct)).Select(c => (c.CountryCode, c.Name)).ToHashSet();
        var added = 0;
        foreach (var row in ReadCsv<CityRow>("cities.csv"))
        {
            if (cities.Add((row.CountryCode, row.Name)))
            {
                db.Cities.Add(new City
                {
                    Name = row.Name,
                    CountryCode = row.CountryCode,
                    Population = row.Population,
                    TimeZone = row.TimeZone,
                    IsAscnPilot = row.IsAscnPilot,
                    Description = row.Description,
                });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Reference data ready: {Countries} countries, {Added} cities added", countries.Count, added);
    }

    /// <summary>Loads the fictional demo organizations, solutions, projects and contacts into an empty directory.</summary>
    public async Task SeedDemoDataAsync(CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(ct))
        {
            return;
        }

        var importer = new CsvImporter(db);
        foreach (var (kind, file) in new[] { (CsvKind.Providers, "providers.csv"), (CsvKind.Solutions, "solutions.csv"), (CsvKind.Projects, "projects.csv"), (CsvKind.Contacts, "contacts.csv") })
        {
            await using var stream = File.OpenRead(Path.Combine(ShippedDataFolder, "demo", file));
            var report = await importer.ImportAsync(kind, stream, dryRun: false, progress: null, ct);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException($"The shipped demo file data/demo/{file} is invalid: " +
                    string.Join("; ", report.Rejected.Select(r => $"line {r.Line}: {string.Join(" ", r.Reasons)}")));
            }

            logger.LogInformation("Demo data: {Summary}", report.Summary);
        }
    }

    private static List<T> ReadCsv<T>(string file)
    {
        using var reader = new StreamReader(Path.Combine(ShippedDataFolder, file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.ToUpperInvariant() });
        return csv.GetRecords<T>().ToList();
    }

    private sealed record CountryRow(string Code, string Name, string Capital, long UrbanPopulationToday, long UrbanPopulation2050, decimal UrbanSharePercentToday, decimal UrbanSharePercent2050);

    private sealed record CityRow(string Name, string CountryCode, long Population, string TimeZone, bool IsAscnPilot, string? Description);
}
