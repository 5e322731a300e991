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
        IsoIndicators = Read(dataFolder, "iso37120-themes.csv", r => new IsoIndicator(r["standard"], r["theme"], r["indicator"], r["edition"],
            r["clause"] is { Length: > 0 } clause ? clause : null, r["source"]));
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

    public IsoIndicator? FindIndicator(string standard, string indicator) =>
        IsoIndicators.FirstOrDefault(i => i.Standard == standard && i.Indicator == indicator);

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
