using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace CityBridge.Web.Features.Events;

/// <summary>One choice in the time-zone picker: its IANA id and what people read ("Jakarta, Indonesia · UTC+07").</summary>
public sealed record ZoneChoice(string Id, string Label);

/// <summary>What the time-zone picker shows: the likely zones first, then every canonical zone grouped by region.</summary>
public sealed record TimeZonePicker(string Name, string Id, string? Selected, IReadOnlyList<ZoneChoice> Suggested, string Label, bool AllowEmpty = false)
{
    /// <summary>
    /// The zones of tzdb's zone.tab (one per inhabited location; no backward-compatibility aliases), canonical ids only,
    /// grouped by their region (Africa, America, Asia, ...).
    /// </summary>
    public static IReadOnlyList<IGrouping<string, ZoneChoice>> Regions { get; } = BuildRegions();

    private static readonly Dictionary<string, ZoneChoice> ById = Regions.SelectMany(g => g).ToDictionary(z => z.Id, StringComparer.Ordinal);

    /// <summary>The choice for an id (its canonical form when an alias), or null when tzdb does not know it.</summary>
    public static ZoneChoice? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(id, out var canonical))
        {
            return null;
        }

        return ById.GetValueOrDefault(canonical) ?? ById.GetValueOrDefault(id) ?? new ZoneChoice(canonical, Describe(canonical, null));
    }

    /// <summary>The event's zone and the participant's city's zone, once each, in that order.</summary>
    public static IReadOnlyList<ZoneChoice> Likely(params string?[] ids) =>
        [.. ids.Select(Find).OfType<ZoneChoice>().DistinctBy(z => z.Id)];

    private static List<IGrouping<string, ZoneChoice>> BuildRegions()
    {
        var source = TzdbDateTimeZoneSource.Default;
        var canonical = source.CanonicalIdMap;
        var zones = (source.ZoneLocations ?? [])
            .Where(l => canonical.TryGetValue(l.ZoneId, out var c) && c == l.ZoneId)
            .GroupBy(l => l.ZoneId).Select(g => g.First())
            .Select(l => new ZoneChoice(l.ZoneId, Describe(l.ZoneId, l.CountryName)))
            .Append(new ZoneChoice("Etc/UTC", "UTC (coordinated universal time) · Etc/UTC"));
        return [.. zones.GroupBy(z => z.Id.StartsWith("Etc/", StringComparison.Ordinal) ? "Other" : z.Id[..z.Id.IndexOf('/', StringComparison.Ordinal)])
            .OrderBy(g => g.Key == "Other" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(z => z.Label, StringComparer.Ordinal).GroupBy(_ => g.Key).Single())];
    }

    private static string Describe(string id, string? country)
    {
        var place = id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        var offset = DateTimeZoneProviders.Tzdb[id].GetUtcOffset(SystemClock.Instance.GetCurrentInstant());
        var utc = offset == Offset.Zero ? "UTC" : "UTC" + offset.ToString("+HH:mm", CultureInfo.InvariantCulture);
        return country is null || country == place ? $"{place} · {utc} · {id}" : $"{place}, {country} · {utc} · {id}";
    }
}
