using System.Text.RegularExpressions;
using CityBridge.Core.Domain;

namespace CityBridge.Core.Library;

/// <summary>One of the four workshop topics a library document is tagged with.</summary>
public sealed record WorkshopTopic(string Key, string Name, string Description);

/// <summary>What a library document is: material handed out at a session, or a case study of a city's project.</summary>
public enum LibraryKind
{
    SessionMaterial,
    CaseStudy,
}

/// <summary>The fixed workshop topics of the program's best-practice library.</summary>
public static class WorkshopTopics
{
    public static IReadOnlyList<WorkshopTopic> All { get; } =
    [
        new("planning", "Planning and tailoring build-outs", "Scoping a smart-city build-out to the city's needs, phasing it and adapting a solution to local conditions."),
        new("financing", "Financing and sustainable funding", "Funding models, blended finance, public-private partnerships and keeping a service funded after launch."),
        new("procurement", "Standards and procurement", "Writing specifications against open standards, tender design and fair, transparent procurement."),
        new("cybersecurity", "Cybersecurity risk", "Assessing and managing the cyber risk of connected city systems across their life."),
    ];

    /// <summary>The topics' names, as workshop sessions name their topic.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(t => t.Name)];

    private static readonly Dictionary<string, WorkshopTopic> ByKey = All.ToDictionary(t => t.Key, StringComparer.Ordinal);

    public static bool IsKnown(string key) => ByKey.ContainsKey(key);

    public static string NameOf(string key) => ByKey.TryGetValue(key, out var topic) ? topic.Name : key;
}

/// <summary>The tagging rules of a library document: known sector and topic keys, at least one topic, a URL-safe slug.</summary>
public static partial class LibraryTags
{
    public const int MaxSlugLength = 80;

    /// <summary>Slugs that name the library's own pages and so cannot name a document.</summary>
    public static IReadOnlySet<string> ReservedSlugs { get; } = new HashSet<string>(StringComparer.Ordinal) { "edit", "delete", "index", "links" };

    /// <summary>Why the tags are not acceptable, one message per problem; empty when they are.</summary>
    public static IReadOnlyList<string> TopicProblems(IReadOnlyCollection<string> topics)
    {
        var problems = new List<string>();
        if (topics.Count == 0)
        {
            problems.Add("Choose at least one workshop topic.");
        }

        var unknown = topics.Where(t => !WorkshopTopics.IsKnown(t)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"Unknown topic {string.Join(", ", unknown.Select(t => $"'{t}'"))}. Choose from: {string.Join(", ", WorkshopTopics.All.Select(t => t.Key))}.");
        }

        return problems;
    }

    /// <summary>Tags in a canonical form: trimmed, lower case, each once, in the order of the taxonomy.</summary>
    public static List<string> Normalize(IEnumerable<string> keys, IEnumerable<string> order)
    {
        var wanted = keys.Select(k => k.Trim().ToLowerInvariant()).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var ordered = order.Where(wanted.Contains).ToList();
        return [.. ordered, .. wanted.Except(ordered).Order(StringComparer.Ordinal)];
    }

    public static List<string> NormalizeSectors(IEnumerable<string> keys) => Normalize(keys, SectorTaxonomy.All.Select(s => s.Key));

    public static List<string> NormalizeTopics(IEnumerable<string> keys) => Normalize(keys, WorkshopTopics.All.Select(t => t.Key));

    /// <summary>True for lower-case letters and digits in groups joined by single hyphens, e.g. <c>da-nang-water-pilot</c>.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug) && !ReservedSlugs.Contains(slug);

    /// <summary>A slug proposed from a title: accents dropped, words joined by hyphens.</summary>
    public static string SlugFrom(string title)
    {
        var plain = new string(title.Replace('Đ', 'D').Replace('đ', 'd').Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
        var slug = NonSlugRun().Replace(plain.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            slug = slug[..MaxSlugLength].TrimEnd('-');
        }

        return ReservedSlugs.Contains(slug) ? $"{slug}-document" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugRun();
}
