namespace CityBridge.Core.Matching;

/// <summary>One judged pair: the latest mark on it and its signal values (by signal name).</summary>
public sealed record MarkedPair(string ProjectId, string ProviderId, bool Relevant, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// The outcome of fitting weights to people's marks: the mean nDCG@10 on held-out projects of the weights in force
/// (before) and of weights fitted without those projects (after), and the weights fitted on all marks.
/// </summary>
public sealed record WeightFit(MatchWeights Current, MatchWeights Fitted, double HeldOutBefore, double HeldOutAfter, int Folds, int Projects, int Pairs)
{
    /// <summary>Fitted weights are worth applying only when they rank held-out marks better than the weights in force.</summary>
    public bool IsBetter => HeldOutAfter > HeldOutBefore + 1e-9;
}

/// <summary>
/// Fits the seven weights to relevance marks by coordinate ascent: starting from the weights in force, each weight in
/// turn is tried at 0, ½×, 1½× and 2× its value (0.05 when it is 0) and the change that most raises nDCG@10 over the
/// training marks is kept; two passes. Quality is estimated by k-fold cross-validation over projects (k = 5, fewer when
/// fewer projects have marks), so a project's marks never judge weights fitted on them.
/// </summary>
public static class WeightFitting
{
    public const int MaxFolds = 5;

    /// <summary>At least this many projects with marks are needed to hold some out.</summary>
    public const int MinProjects = 2;

    private const int Passes = 2;

    /// <returns>Null when fewer than <see cref="MinProjects"/> projects have marks.</returns>
    public static WeightFit? Fit(IReadOnlyList<MarkedPair> pairs, MatchWeights current)
    {
        var projects = pairs.Select(p => p.ProjectId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (projects.Count < MinProjects)
        {
            return null;
        }

        var folds = Math.Min(MaxFolds, projects.Count);
        double before = 0, after = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var heldOut = projects.Where((_, i) => i % folds == fold).ToHashSet(StringComparer.Ordinal);
            var training = pairs.Where(p => !heldOut.Contains(p.ProjectId)).ToList();
            var test = pairs.Where(p => heldOut.Contains(p.ProjectId)).ToList();
            var fitted = Ascend(training, current);
            // Folds are weighted by their number of projects, so the figures are means over projects.
            before += Ndcg(test, current) * heldOut.Count;
            after += Ndcg(test, fitted) * heldOut.Count;
        }

        return new WeightFit(current, Ascend(pairs, current), before / projects.Count, after / projects.Count, folds, projects.Count, pairs.Count);
    }

    /// <summary>Mean nDCG@10 over the projects of <paramref name="pairs"/> when ranked by <paramref name="weights"/>.</summary>
    public static double Ndcg(IReadOnlyList<MarkedPair> pairs, MatchWeights weights)
    {
        var w = weights.Normalized();
        var values = pairs.ToDictionary(p => (p.ProjectId, p.ProviderId), p => p.Values);
        return RelevanceEvaluation.Evaluate(
            pairs.Select(p => new RelevanceMark(p.ProjectId, p.ProviderId, p.Relevant)),
            (project, provider) => MatchScoring.Score(w, values[(project, provider)])).NdcgAt10;
    }

    private static MatchWeights Ascend(IReadOnlyList<MarkedPair> pairs, MatchWeights start)
    {
        var best = start;
        var bestScore = Ndcg(pairs, best);
        for (var pass = 0; pass < Passes; pass++)
        {
            for (var signal = 0; signal < SignalNames.All.Count; signal++)
            {
                var value = best.Named().ElementAt(signal).Weight;
                double[] tries = value == 0 ? [0.05] : [0, value / 2, value * 1.5, value * 2];
                foreach (var candidate in tries.Select(t => With(best, signal, Math.Min(100, t))).Where(c => c.Problems().Count == 0))
                {
                    var score = Ndcg(pairs, candidate);
                    // Only a real gain moves the weights: ties keep what is in force.
                    if (score > bestScore + 1e-9)
                    {
                        (best, bestScore) = (candidate, score);
                    }
                }
            }
        }

        return best;
    }

    private static MatchWeights With(MatchWeights w, int signal, double value) => signal switch
    {
        0 => w with { Sector = value },
        1 => w with { Semantic = value },
        2 => w with { Keyword = value },
        3 => w with { Country = value },
        4 => w with { Standards = value },
        5 => w with { Stage = value },
        _ => w with { Budget = value },
    };
}
