namespace CityBridge.Core.Readiness;

/// <summary>A NIST Cybersecurity Framework 2.0 category with a short recommended action for a city.</summary>
public sealed record CsfCategory(string Id, string FunctionId, string FunctionName, string Name, string RecommendedAction);

/// <summary>A category's maturity (0 = none … 4 = managed and measured) and the evidence behind it.</summary>
public sealed record CyberRating(string CategoryId, int Maturity, string? Evidence);

/// <summary>The cyber assessment as saved.</summary>
public sealed record CyberAssessment(IReadOnlyList<CyberRating> Ratings)
{
    public static CyberAssessment Empty { get; } = new([]);
}

/// <summary>A category's rating as counted: claimed and effective maturity, with the reason when they differ.</summary>
public sealed record CategoryResult(CsfCategory Category, int? Claimed, int Effective, string? Evidence, bool CappedForMissingEvidence);

/// <summary>A CSF function's average effective maturity over its categories (unrated ones count 0).</summary>
public sealed record FunctionResult(string FunctionId, string FunctionName, decimal AverageMaturity, int Rated, int Categories);

/// <summary>The cyber page's results: per function, the overall score and the weakest categories.</summary>
public sealed record CyberResult(IReadOnlyList<FunctionResult> Functions, IReadOnlyList<CategoryResult> Categories, IReadOnlyList<CategoryResult> Weakest, decimal ScorePercent, decimal CompletenessPercent);

/// <summary>Scores a cyber self-assessment on the NIST CSF 2.0 maturity scale.</summary>
public static class CyberScoring
{
    public const int MaxMaturity = 4;

    /// <summary>A claim of 3 or more needs evidence; without it the category counts as this.</summary>
    public const int CapWithoutEvidence = 2;

    /// <summary>Categories at or below this effective maturity are listed as weakest.</summary>
    public const int WeakAtOrBelow = 1;

    public static readonly IReadOnlyList<string> MaturityNames = ["0 – None", "1 – Initial (ad hoc)", "2 – Repeatable", "3 – Defined", "4 – Managed and measured"];

    public static CyberResult Evaluate(IReadOnlyList<CsfCategory> catalog, CyberAssessment assessment)
    {
        var ratings = assessment.Ratings.ToDictionary(r => r.CategoryId, StringComparer.Ordinal);
        var categories = catalog.Select(c => ratings.TryGetValue(c.Id, out var r) ? Rate(c, r) : new CategoryResult(c, null, 0, null, false)).ToList();
        var functions = categories.GroupBy(c => (c.Category.FunctionId, c.Category.FunctionName))
            .Select(g => new FunctionResult(g.Key.FunctionId, g.Key.FunctionName, Math.Round(g.Average(c => (decimal)c.Effective), 2), g.Count(c => c.Claimed is not null), g.Count()))
            .ToList();
        var weakest = categories.Where(c => c.Effective <= WeakAtOrBelow)
            .OrderBy(c => c.Effective).ThenBy(c => c.Claimed is null ? 1 : 0).ThenBy(c => c.Category.Id, StringComparer.Ordinal)
            .ToList();
        // Each function weighs the same, however many categories it has: CSF treats them as equal outcomes.
        var score = functions.Count == 0 ? 0m : Math.Round(functions.Average(f => f.AverageMaturity) / MaxMaturity * 100m, 1);
        var completeness = catalog.Count == 0 ? 0m : Math.Round(100m * categories.Count(c => c.Claimed is not null) / catalog.Count, 1);
        return new CyberResult(functions, categories, weakest, score, completeness);
    }

    private static CategoryResult Rate(CsfCategory category, CyberRating rating)
    {
        var claimed = Math.Clamp(rating.Maturity, 0, MaxMaturity);
        var capped = claimed > CapWithoutEvidence && string.IsNullOrWhiteSpace(rating.Evidence);
        return new CategoryResult(category, claimed, capped ? CapWithoutEvidence : claimed, rating.Evidence, capped);
    }
}
