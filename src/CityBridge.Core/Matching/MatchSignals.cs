using System.Globalization;
using CityBridge.Core.Domain;

namespace CityBridge.Core.Matching;

/// <summary>
/// The value of each signal for one project and one provider, and the plain-words reason for it. Values are in [0, 1];
/// the ranking pass and the explanation both take their values from MatchIndex's one computation of them.
/// </summary>
internal static class MatchSignals
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, string> AseanCountries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BN"] = "Brunei Darussalam",
        ["KH"] = "Cambodia",
        ["ID"] = "Indonesia",
        ["LA"] = "Lao PDR",
        ["MY"] = "Malaysia",
        ["MM"] = "Myanmar",
        ["PH"] = "the Philippines",
        ["SG"] = "Singapore",
        ["TH"] = "Thailand",
        ["VN"] = "Viet Nam",
    };

    /// <summary>Bit masks of the taxonomy: one bit per sector, and per sector the bits of its neighbours.</summary>
    private static readonly Dictionary<string, int> SectorBits = SectorTaxonomy.All.Select((s, i) => (s.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    private static readonly ulong[] RelatedMasks = SectorTaxonomy.All
        .Select(a => SectorTaxonomy.All.Where(b => SectorTaxonomy.AreRelated(a.Key, b.Key)).Aggregate(0UL, (mask, b) => mask | (1UL << SectorBits[b.Key])))
        .ToArray();

    public static ulong SectorMask(IEnumerable<string> sectors) =>
        sectors.Aggregate(0UL, (mask, key) => SectorBits.TryGetValue(key, out var bit) ? mask | (1UL << bit) : mask);

    /// <summary>Per project sector: 1 when the provider works in it, ½ when only in a neighbouring sector; averaged.</summary>
    public static double Sector(int[] projectSectorBits, ulong providerMask)
    {
        if (projectSectorBits.Length == 0)
        {
            return 0;
        }

        var total = 0.0;
        foreach (var bit in projectSectorBits)
        {
            total += (providerMask & (1UL << bit)) != 0 ? 1 : (providerMask & RelatedMasks[bit]) != 0 ? 0.5 : 0;
        }

        return total / projectSectorBits.Length;
    }

    public static int[] SectorBitsOf(IEnumerable<string> sectors) =>
        sectors.Distinct(StringComparer.Ordinal).Where(SectorBits.ContainsKey).Select(k => SectorBits[k]).ToArray();

    public static string SectorWhy(IReadOnlyList<string> projectSectors, ulong providerMask)
    {
        var known = projectSectors.Where(SectorBits.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return "the project names no sector";
        }

        var shared = known.Where(k => (providerMask & (1UL << SectorBits[k])) != 0).Select(SectorTaxonomy.NameOf).ToList();
        var related = known.Where(k => (providerMask & (1UL << SectorBits[k])) == 0 && (providerMask & RelatedMasks[SectorBits[k]]) != 0)
            .Select(k => $"{SectorTaxonomy.NameOf(k)} (works in a neighbouring field: {NeighbourOf(k, providerMask)})")
            .ToList();
        var parts = new List<string>();
        if (shared.Count > 0)
        {
            parts.Add($"both work in {Listing(shared)}");
        }

        if (related.Count > 0)
        {
            parts.Add($"related to {Listing(related)}");
        }

        return parts.Count == 0 ? $"works in none of the project's sectors ({Listing(known.Select(SectorTaxonomy.NameOf).ToList())})" : string.Join("; ", parts);
    }

    private static string NeighbourOf(string key, ulong providerMask) =>
        SectorTaxonomy.NameOf(SectorTaxonomy.All.First(s => (providerMask & (1UL << SectorBits[s.Key])) != 0 && SectorTaxonomy.AreRelated(key, s.Key)).Key);

    /// <summary>True for the ten ASEAN member states' codes; experience there earns half the country signal.</summary>
    public static bool IsAsean(string countryCode) => AseanCountries.ContainsKey(countryCode);

    public static string CountryWhy(string? projectCountry, string[] providerCountries, double value)
    {
        if (value >= 1)
        {
            return $"has delivered in {CountryName(projectCountry!)}";
        }

        if (value > 0)
        {
            return $"has delivered elsewhere in ASEAN: {Listing(providerCountries.Where(AseanCountries.ContainsKey).Select(CountryName).ToList())}";
        }

        return projectCountry is null ? "the project's country is not given" : "no delivery experience in ASEAN yet";
    }

    public static string CountryName(string code) => AseanCountries.TryGetValue(code, out var name) ? name : code.ToUpperInvariant();

    /// <summary>Standards compare by their letters and digits only, so "ISO/IEC 27001" and "ISO IEC 27001" are one.</summary>
    public static string NormalizeStandard(string standard) =>
        string.Concat(standard.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    public static string StandardsWhy(IReadOnlyList<string> askedAsWritten, HashSet<string> met)
    {
        var asked = askedAsWritten.DistinctBy(NormalizeStandard).ToList();
        if (asked.Count == 0)
        {
            return "the project asks for no particular standard";
        }

        var meets = asked.Where(s => met.Contains(NormalizeStandard(s))).ToList();
        var misses = asked.Except(meets).ToList();
        if (misses.Count == 0)
        {
            return $"meets {Listing(meets)} that the project asks for";
        }

        return meets.Count == 0
            ? $"does not state {Listing(misses)} that the project asks for"
            : $"meets {Listing(meets)}, not {Listing(misses)}";
    }

    /// <summary>How actionable a stage is for a supplier when the provider's own stages are not known.</summary>
    private static double StageReadiness(ProjectStage stage) => stage switch
    {
        ProjectStage.Idea => 0.4,
        ProjectStage.Planning => 0.6,
        ProjectStage.Design => 0.8,
        ProjectStage.Procurement => 1.0,
        ProjectStage.Implementation => 0.7,
        _ => 0.5,
    };

    public static double Stage(ProjectStage? stage, IReadOnlyList<ProjectStage> providerStages) =>
        stage is not { } s ? 0.5
        : providerStages.Count == 0 ? StageReadiness(s)
        : providerStages.Contains(s) ? 1.0 : 0.25;

    public static string StageWhy(ProjectStage? stage, IReadOnlyList<ProjectStage> providerStages)
    {
        if (stage is not { } s)
        {
            return "the project's stage is not given";
        }

        var name = s.ToString().ToLowerInvariant();
        if (providerStages.Count > 0)
        {
            return providerStages.Contains(s)
                ? $"works with projects at the {name} stage"
                : $"usually works at {Listing(providerStages.Select(p => p.ToString().ToLowerInvariant()).ToList())}, the project is at {name}";
        }

        return s switch
        {
            ProjectStage.Procurement => "the project is procuring now",
            ProjectStage.Design => "the project is in design, close to procurement",
            ProjectStage.Implementation => "the project is being built; subcontracts may be open",
            ProjectStage.Planning => "the project is still in planning",
            ProjectStage.Idea => "the project is an early idea",
            _ => "the project is in operation; upgrades only",
        };
    }

    /// <summary>1 inside the provider's usual deal size, falling by one per factor of ten outside it; neutral when unknown.</summary>
    public static double Budget(decimal? budget, decimal? min, decimal? max)
    {
        if (budget is not { } b || b <= 0)
        {
            return 0.5;
        }

        if (min is null && max is null)
        {
            return 0.6;
        }

        return BudgetInRange((double)b, (double)(min ?? 0), max is { } m ? (double)m : double.MaxValue);
    }

    /// <summary>The budget signal for a positive budget and a known deal-size range (no range end: 0 and double.MaxValue).</summary>
    public static double BudgetInRange(double budget, double low, double high) =>
        budget >= low && budget <= high ? 1 : Math.Max(0, 1 - Math.Log10(budget < low ? low / budget : budget / high));

    public static string BudgetWhy(decimal? budget, decimal? min, decimal? max, double value)
    {
        if (budget is not { } b || b <= 0)
        {
            return "the project's budget is not set yet";
        }

        if (min is null && max is null)
        {
            return $"a budget of {Money(b)} is set; the provider's usual deal size is not known";
        }

        var range = $"{(min is { } lo ? Money(lo) : "any")} to {(max is { } hi ? Money(hi) : "any size")}";
        return value >= 1
            ? $"{Money(b)} is within the provider's usual deals ({range})"
            : $"{Money(b)} is outside the provider's usual deals ({range})";
    }

    /// <summary>Semantic values from here read as "closely fits" (MiniLM cosines of texts about the same technology).</summary>
    public const double CloseFrom = 0.5;

    /// <summary>What the provider does and how close it is to the project, in words (no similarity numbers).</summary>
    public static string SemanticWhy(double value, string? bestSolution, string? whatItDoes)
    {
        var subject = bestSolution is null ? "what it does" : $"its {bestSolution}";
        var does = string.IsNullOrWhiteSpace(whatItDoes) ? "" : $" ({Shorten(whatItDoes)})";
        return value switch
        {
            >= CloseFrom => $"{subject}{does} closely fits what the project describes",
            >= MatchExplanation.UnrelatedBelow => $"{subject}{does} is related to what the project describes",
            _ => $"{subject}{does} is about something else than the project",
        };
    }

    /// <summary>The words two texts share: key words when the project's rarest terms occur, everyday words only otherwise.</summary>
    public static string KeywordWhy(IReadOnlyList<string> sharedKeyWords, IReadOnlyList<string> sharedCommonWords) =>
        sharedKeyWords.Count > 0 ? $"both mention {Listing(sharedKeyWords)}"
        : sharedCommonWords.Count > 0 ? $"shares only common words with the project: {Listing(sharedCommonWords)}"
        : "no key words in common";

    /// <summary>The first sentence of a text, cut at a word near 120 characters.</summary>
    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        var stop = trimmed.IndexOfAny(['.', ';', ':']);
        var sentence = stop > 0 ? trimmed[..stop] : trimmed;
        if (sentence.Length <= 120)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', 117);
        return sentence[..(cut > 40 ? cut : 117)] + "…";
    }

    private static string Money(decimal amount) => amount >= 1_000_000
        ? string.Create(Invariant, $"US${amount / 1_000_000:0.#} million")
        : string.Create(Invariant, $"US${amount:#,0}");

    private static string Listing(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
