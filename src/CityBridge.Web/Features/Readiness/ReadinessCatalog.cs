using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CityBridge.Core.Readiness;
using CityBridge.Web.Data;
using CsvHelper;
using CsvHelper.Configuration;

namespace CityBridge.Web.Features.Readiness;

/// <summary>The readiness reference data shipped under data/: NIST CSF 2.0, ISO 37120/37122 indicators, sector standards.</summary>
public sealed class ReadinessCatalog
{
    public ReadinessCatalog(string dataFolder)
    {
        CsfCategories = Read(dataFolder, "nist-csf-2.0.csv", r => new CsfCategory(r["category_id"], r["function_id"], r["function_name"], r["category_name"], r["recommended_action"]));
        IsoIndicators = Read(dataFolder, "iso37120-themes.csv", IndicatorOf);
        SectorStandards = Read(dataFolder, "sector-standards.csv", r => new SectorStandard(r["sector"], r["standard"], r["title"]));
    }

    public static ReadinessCatalog Shipped { get; } = new(DataSeeder.ShippedDataFolder);

    public IReadOnlyList<CsfCategory> CsfCategories { get; }

    public IReadOnlyList<IsoIndicator> IsoIndicators { get; }

    public IReadOnlyList<SectorStandard> SectorStandards { get; }

    /// <summary>The checklist for a project: the standards for all sectors ("*") and for each of its sectors, each once.</summary>
    public IReadOnlyList<SectorStandard> StandardsFor(IEnumerable<string> sectors)
    {
        var wanted = sectors.Append("*").ToHashSet(StringComparer.Ordinal);
        return SectorStandards.Where(s => wanted.Contains(s.Sector)).DistinctBy(s => s.Standard).ToList();
    }

    /// <summary>The indicator by standard and name, also under the name it had before a rename.</summary>
    public IsoIndicator? FindIndicator(string standard, string indicator) =>
        IsoIndicators.FirstOrDefault(i => i.Standard == standard && i.IsNamed(indicator));

    /// <summary>
    /// One row of the indicator list. A row that says it is from ISO but is not, or a CityBridge KPI that does not say
    /// so, would mislead whoever quotes it, so such a file is refused rather than shipped.
    /// </summary>
    private static IsoIndicator IndicatorOf(IReadOnlyDictionary<string, string> r)
    {
        var (standard, name) = (r["standard"], r["indicator"]);
        var clause = r["clause"] is { Length: > 0 } c ? c : null;
        var check = CheckOf(r["check"]);
        var problem = check is null
            ? $"has check \"{r["check"]}\"; expected two-sources, one-source, clause-only, not-found or citybridge"
            : ListProblem(standard, r["edition"], clause, check.Value);
        if (problem is not null)
        {
            throw new InvalidDataException($"iso37120-themes.csv: \"{name}\" {problem}.");
        }

        var formerly = r.TryGetValue("formerly", out var f) && f.Length > 0 ? f : null;
        return new IsoIndicator(standard, r["theme"], name, r["edition"], clause, r["source"], check!.Value, formerly);
    }

    private static IndicatorCheck? CheckOf(string check) => check switch
    {
        "two-sources" => IndicatorCheck.TwoSources,
        "one-source" => IndicatorCheck.OneSource,
        "clause-only" => IndicatorCheck.ClauseOnly,
        "not-found" => IndicatorCheck.NotFound,
        "citybridge" => IndicatorCheck.CityBridgeKpi,
        _ => null,
    };

    private static string? ListProblem(string standard, string edition, string? clause, IndicatorCheck check) =>
        (standard is "ISO 37120" or "ISO 37122", check, clause) switch
        {
            (false, not IndicatorCheck.CityBridgeKpi, _) => "is not from ISO 37120/37122, so its check must be \"citybridge\"",
            (true, IndicatorCheck.CityBridgeKpi, _) => "names an ISO standard but is checked as a CityBridge KPI",
            (false, _, _) when standard != IsoIndicator.CityBridgeStandard || clause is not null || edition.Length > 0
                => $"is a CityBridge KPI: its standard must be \"{IsoIndicator.CityBridgeStandard}\", without edition or clause",
            (true, IndicatorCheck.NotFound, not null) => "has a clause although it says no source for it was found",
            (true, not IndicatorCheck.NotFound, null) => "has no clause although it says a source gave one",
            _ => null,
        };

    private static List<T> Read<T>(string folder, string file, Func<IReadOnlyDictionary<string, string>, T> map)
    {
        using var reader = new StreamReader(Path.Combine(folder, file));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<T>();
        foreach (IDictionary<string, object> record in csv.GetRecords<dynamic>())
        {
            rows.Add(map(record.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? string.Empty)));
        }

        return rows;
    }
}

/// <summary>How assessment payloads are stored and exchanged: web casing, enums by name.</summary>
public static class ReadinessJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>OCDS output: camelCase, no nulls (OCDS prefers absent fields), indented for people who download it.</summary>
    public static JsonSerializerOptions Ocds { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true };
}
