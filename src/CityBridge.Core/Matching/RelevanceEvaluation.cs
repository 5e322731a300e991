namespace CityBridge.Core.Matching;

/// <summary>A person's judgement of one suggested pair.</summary>
public sealed record RelevanceMark(string ProjectId, string ProviderId, bool Relevant);

/// <summary>Precision@5 and nDCG@10 of a ranking over the marked pairs, averaged over the projects that have marks.</summary>
public sealed record RelevanceScores(double PrecisionAt5, double NdcgAt10, int ProjectsJudged, int PairsJudged);

/// <summary>
/// Evaluates weights against people's relevance marks. Only judged pairs are ranked (a "condensed" list), so
/// unmarked suggestions neither help nor hurt.
/// </summary>
public static class RelevanceEvaluation
{
    /// <param name="marks">The marks; the latest mark of a pair is the one that counts, so pass them oldest first.</param>
    /// <param name="score">The score the weights under test give a pair.</param>
    public static RelevanceScores Evaluate(IEnumerable<RelevanceMark> marks, Func<string, string, double> score)
    {
        var judged = marks
            .GroupBy(m => (m.ProjectId, m.ProviderId))
            .Select(g => g.Last())
            .GroupBy(m => m.ProjectId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (judged.Count == 0)
        {
            return new RelevanceScores(0, 0, 0, 0);
        }

        var precision = 0.0;
        var ndcg = 0.0;
        foreach (var project in judged)
        {
            var ranked = project
                .OrderByDescending(m => score(m.ProjectId, m.ProviderId))
                .ThenBy(m => m.ProviderId, StringComparer.Ordinal)
                .Select(m => m.Relevant)
                .ToList();
            precision += PrecisionAt(5, ranked);
            ndcg += NdcgAt(10, ranked);
        }

        return new RelevanceScores(precision / judged.Count, ndcg / judged.Count, judged.Count, judged.Sum(g => g.Count()));
    }

    /// <summary>The share of relevant items among the first k (or all, when fewer were judged).</summary>
    public static double PrecisionAt(int k, IReadOnlyList<bool> ranked)
    {
        var considered = Math.Min(k, ranked.Count);
        return considered == 0 ? 0 : (double)ranked.Take(considered).Count(r => r) / considered;
    }

    /// <summary>Discounted cumulative gain of the first k with binary gains, over the best possible order.</summary>
    public static double NdcgAt(int k, IReadOnlyList<bool> ranked)
    {
        static double Dcg(IEnumerable<bool> gains) => gains.Select((g, i) => g ? 1 / Math.Log2(i + 2) : 0).Sum();
        var ideal = Dcg(ranked.OrderByDescending(r => r).Take(k));
        return ideal == 0 ? 0 : Dcg(ranked.Take(k)) / ideal;
    }
}
