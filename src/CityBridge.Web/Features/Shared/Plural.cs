namespace CityBridge.Web.Features.Shared;

/// <summary>Counted nouns in page text: "1 city", "2 cities", "0 opportunities".</summary>
public static class Plural
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["person"] = "people",
        ["is"] = "are",
        ["was"] = "were",
    };

    /// <summary>The count and the noun, the noun in the plural unless the count is exactly one.</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        $"{count:N0} {(count == 1 ? singular : plural ?? PluralOf(singular))}";

    /// <summary>The noun alone, in the form that agrees with the count.</summary>
    public static string Noun(long count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? PluralOf(singular);

    private static string PluralOf(string noun)
    {
        if (Irregular.TryGetValue(noun, out var irregular))
        {
            return irregular;
        }

        if (noun.EndsWith('y') && noun.Length > 1 && !"aeiou".Contains(noun[^2]))
        {
            return noun[..^1] + "ies";
        }

        return noun.EndsWith('s') || noun.EndsWith("sh", StringComparison.Ordinal) || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith('x')
            ? noun + "es"
            : noun + "s";
    }
}
