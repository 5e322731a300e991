using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace CityBridge.Web.Features.Events;

/// <summary>One choice in the time-zone picker: its IANA id and what people read ("Jakarta, Indonesia · UTC+07").</summary>
public sealed record ZoneChoice(string Id, string Label);

/// <summary>What the time-zone picker shows: the likely zones first, then every canonical zone grouped by region.</summary>
public sealed record TimeZonePicker(string Name, string Id, string? Selected, IReadOnlyList<ZoneChoice> Suggested, string Label, bool AllowEmpty = false)
{
    /// <summary>Each listed zone's country (zone.tab's name for it); labels add the offset at the moment asked for.</summary>
    private static readonly Dictionary<string, string?> CountryById = ListedZones();

    /// <summary>
    /// The zones of tzdb's zone.tab (one per inhabited location; no backward-compatibility aliases), canonical ids only,
    /// grouped by their region (Africa, America, Asia, ...), labelled with their offset at <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<IGrouping<string, ZoneChoice>> RegionsAt(DateTimeOffset now)
    {
        var instant = Instant.FromDateTimeOffset(now);
        var zones = CountryById.Select(z => new ZoneChoice(z.Key, Describe(z.Key, z.Value, instant)))
            .Append(new ZoneChoice("Etc/UTC", "UTC (coordinated universal time) · Etc/UTC"));
        return [.. zones.GroupBy(z => z.Id.StartsWith("Etc/", StringComparison.Ordinal) ? "Other" : z.Id[..z.Id.IndexOf('/', StringComparison.Ordinal)])
            .OrderBy(g => g.Key == "Other" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(z => z.Label, StringComparer.Ordinal).GroupBy(_ => g.Key).Single())];
    }

    /// <summary>The choice for an id (its canonical form when an alias), or null when tzdb does not know it.</summary>
    public static ZoneChoice? Find(string? id, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(id) || !TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(id, out var canonical))
        {
            return null;
        }

        var listed = CountryById.ContainsKey(canonical) ? canonical : CountryById.ContainsKey(id) ? id : canonical;
        return listed == "Etc/UTC"
            ? new ZoneChoice(listed, "UTC (coordinated universal time) · Etc/UTC")
            : new ZoneChoice(listed, Describe(listed, CountryById.GetValueOrDefault(listed), Instant.FromDateTimeOffset(now)));
    }

    /// <summary>The event's zone and the participant's city's zone, once each, in that order.</summary>
    public static IReadOnlyList<ZoneChoice> Likely(DateTimeOffset now, params string?[] ids) =>
        [.. ids.Select(id => Find(id, now)).OfType<ZoneChoice>().DistinctBy(z => z.Id)];

    private static Dictionary<string, string?> ListedZones()
    {
        var source = TzdbDateTimeZoneSource.Default;
        var canonical = source.CanonicalIdMap;
        return (source.ZoneLocations ?? [])
            .Where(l => canonical.TryGetValue(l.ZoneId, out var c) && c == l.ZoneId)
            .GroupBy(l => l.ZoneId).Select(g => g.First())
            .ToDictionary(l => l.ZoneId, l => (string?)l.CountryName, StringComparer.Ordinal);
    }

    private static string Describe(string id, string? country, Instant now)
    {
        var place = id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        var offset = DateTimeZoneProviders.Tzdb[id].GetUtcOffset(now);
        var utc = offset == Offset.Zero ? "UTC" : "UTC" + offset.ToString("+HH:mm", CultureInfo.InvariantCulture);
        return country is null || country == place ? $"{place} · {utc} · {id}" : $"{place}, {country} · {utc} · {id}";
    }
}
