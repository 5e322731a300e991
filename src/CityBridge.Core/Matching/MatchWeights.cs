namespace CityBridge.Core.Matching;

/// <summary>
/// How much each signal counts. Any non-negative numbers; the engine scales them to sum to 1. Sector, semantic and keyword
/// make the technology fit that decides the order; the others refine it in proportion to that fit (<see cref="MatchScoring"/>).
/// The defaults' technology weights are the ones 5-fold cross-validation picked on the labelled benchmark (docs/benchmarks.md).
/// </summary>
public sealed record MatchWeights(
    double Sector = 0.10,
    double Semantic = 0.85,
    double Keyword = 0.05,
    double Country = 0.05,
    double Standards = 0.04,
    double Stage = 0.03,
    double Budget = 0.03)
{
    /// <summary>The documented defaults (docs/matching.md).</summary>
    public static MatchWeights Default { get; } = new();

    /// <summary>Field-level problems with these weights; empty when they can be used.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        foreach (var (name, weight) in Named())
        {
            if (!double.IsFinite(weight) || weight < 0 || weight > 100)
            {
                problems[name] = "must be a number from 0 to 100";
            }
        }

        if (problems.Count == 0 && Named().Sum(n => n.Weight) <= 0)
        {
            problems[SignalNames.Sector] = "at least one weight must be above 0";
        }

        return problems;
    }

    /// <summary>The weights scaled to sum to exactly 1 with six decimals, so rounded contributions never add up past 1.</summary>
    public double[] Normalized()
    {
        var raw = Named().Select(n => n.Weight).ToArray();
        var total = raw.Sum();
        var scaled = raw.Select(w => Math.Round(w / total, 6)).ToArray();
        var largest = Array.IndexOf(scaled, scaled.Max());
        scaled[largest] = Math.Round(1 - scaled.Where((_, i) => i != largest).Sum(), 6);
        return scaled;
    }

    /// <summary>The weights by signal name, in <see cref="SignalNames.All"/> order.</summary>
    public IEnumerable<(string Name, double Weight)> Named()
    {
        yield return (SignalNames.Sector, Sector);
        yield return (SignalNames.Semantic, Semantic);
        yield return (SignalNames.Keyword, Keyword);
        yield return (SignalNames.Country, Country);
        yield return (SignalNames.Standards, Standards);
        yield return (SignalNames.Stage, Stage);
        yield return (SignalNames.Budget, Budget);
    }
}
