using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Core.Matching;

/// <summary>
/// Candidate changes to the ranking, tried on the labelled market before any goes into the engine: each variant replaces
/// signal values of the engine's pairs (or fuses rankings), and is judged in-sample with the default weights and by the same
/// 5-fold cross-validation over projects of the technology weights as the engine. Usage: ... -- relevance minilm --variants
/// </summary>
internal static class RelevanceVariants
{
    public static void Run(Market market, Dictionary<string, Dictionary<string, int>> grades, EmbeddingStore embeddings)
    {
        // The engine's seven signal values for every pair (values do not depend on the weights).
        using var index = MarketMatcher.BuildIndex(market, embeddings, MatchWeights.Default);
        var engine = MarketMatcher.RankAll(index, market.Projects, embeddings, market.Providers.Count)
            .ToDictionary(m => m.ProjectId, m => m.Providers.ToDictionary(p => p.ProviderId, p => p.Signals.Select(s => s.Value).ToArray()));

        var passages = PassageSemantic(market, embeddings);
        var keywordPassages = PassageKeyword(market);
        Console.WriteLine("variants (nDCG@10 / P@5 with the default weights; then cross-validated nDCG@10 of the technology weights):");
        Evaluate("engine as is", market, grades, engine, (_, _, v) => v);
        Evaluate("semantic: max over passages", market, grades, engine, (project, provider, v) => With(v, MatchScoring.Semantic, passages[project][provider]));
        Evaluate("keyword: max over passages", market, grades, engine, (project, provider, v) => With(v, MatchScoring.Keyword, keywordPassages[project][provider]));
        Evaluate("both over passages", market, grades, engine, (project, provider, v) =>
            With(With(v, MatchScoring.Semantic, passages[project][provider]), MatchScoring.Keyword, keywordPassages[project][provider]));
        Evaluate("semantic: mean of whole and passages", market, grades, engine, (project, provider, v) =>
            With(v, MatchScoring.Semantic, (v[MatchScoring.Semantic] + passages[project][provider]) / 2));

        var expanded = ExpandedSemantic(market, embeddings);
        var expandedKeyword = ExpandedKeyword(market);
        Evaluate("semantic: query + its sectors' descriptions", market, grades, engine, (project, provider, v) => With(v, MatchScoring.Semantic, expanded[project][provider]));
        Evaluate("keyword: query + its sectors' descriptions", market, grades, engine, (project, provider, v) => With(v, MatchScoring.Keyword, expandedKeyword[project][provider]));

        var bm25 = Bm25Ranks(market);
        foreach (var k in new[] { 10, 60 })
        {
            var fused = market.Projects.ToDictionary(p => p.Id, p =>
            {
                var byScore = engine[p.Id].OrderByDescending(e => MatchScoring.Score(MatchWeights.Default.Normalized(), Named(e.Value)))
                    .ThenBy(e => e.Key, StringComparer.Ordinal).Select((e, rank) => (e.Key, rank)).ToDictionary(x => x.Key, x => x.rank);
                return engine[p.Id].Keys.OrderByDescending(id => (1.0 / (k + byScore[id])) + (1.0 / (k + bm25[p.Id][id])))
                    .ThenBy(id => id, StringComparer.Ordinal).ToList();
            });
            var (ndcg, precision) = RelevanceBench.Score(market.Projects.Select(p => p.Id), fused, grades);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reciprocal-rank fusion of the engine and BM25, k={k}: {ndcg:0.000} / {precision:0.000} (no weights to fit)"));
        }
    }

    private static double[] With(double[] values, int at, double value)
    {
        var copy = (double[])values.Clone();
        copy[at] = Math.Clamp(value, 0, 1);
        return copy;
    }

    private static Dictionary<string, double> Named(double[] values) =>
        SignalNames.All.Select((n, i) => (n, values[i])).ToDictionary(x => x.n, x => x.Item2);

    private static void Evaluate(
        string name, Market market, Dictionary<string, Dictionary<string, int>> grades,
        Dictionary<string, Dictionary<string, double[]>> engine, Func<string, string, double[], double[]> transform)
    {
        var values = engine.ToDictionary(p => p.Key, p => p.Value.ToDictionary(e => e.Key, e => transform(p.Key, e.Key, e.Value)));
        Dictionary<string, List<string>> Rank(MatchWeights weights)
        {
            var w = weights.Normalized();
            return values.ToDictionary(p => p.Key, p => p.Value
                .OrderByDescending(e => Math.Round(MatchScoring.Score(w, Named(e.Value)), 6)).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => e.Key).ToList());
        }

        var (ndcg, precision) = RelevanceBench.Score(market.Projects.Select(p => p.Id), Rank(MatchWeights.Default), grades);
        var (_, heldOut) = RelevanceBench.CrossValidated(market, grades, RelevanceBench.TechnologyGrid(), Rank);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} {ndcg:0.000} / {precision:0.000}; cross-validated {heldOut:0.000}"));
    }

    /// <summary>The provider's passages: its description's sentences and each solution's, besides the whole texts.</summary>
    private static List<string> Passages(MatchProvider provider)
    {
        var passages = new List<string?> { EmbeddingText.ForProvider(provider) };
        passages.AddRange(Sentences(provider.Description));
        foreach (var solution in provider.Solutions)
        {
            passages.Add(EmbeddingText.ForSolution(solution));
            passages.AddRange(Sentences(solution.Description).Select(s => $"{solution.Name}. {s}"));
        }

        return passages.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Sentences(string? text) =>
        (text ?? "").Split(['.', ';', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0);

    private static Dictionary<string, Dictionary<string, double>> PassageSemantic(Market market, EmbeddingStore embeddings)
    {
        var passages = market.Providers.ToDictionary(p => p.Id, Passages);
        embeddings.EmbedMissing(passages.Values.SelectMany(p => p));
        return market.Projects.ToDictionary(p => p.Id, project =>
        {
            var query = embeddings.Get(EmbeddingText.ForProject(project))!;
            return passages.ToDictionary(p => p.Key, p => (double)Math.Clamp(p.Value.Max(t => VectorMath.Dot(query, embeddings.Get(t)!)), 0, 1));
        });
    }

    /// <summary>BM25 of the engine's query terms against each passage; a provider's value is its best passage over the best any gets.</summary>
    private static Dictionary<string, Dictionary<string, double>> PassageKeyword(Market market)
    {
        using var keywords = new KeywordIndex();
        var owners = new List<string>();
        foreach (var provider in market.Providers)
        {
            var texts = Passages(provider).Prepend(provider.Name);
            foreach (var text in texts)
            {
                keywords.Upsert(owners.Count, text);
                owners.Add(provider.Id);
            }
        }

        return market.Projects.ToDictionary(p => p.Id, project =>
        {
            var scores = new float[owners.Count];
            keywords.Score(keywords.QueryTerms(EmbeddingText.ForProject(project)), scores, []);
            var best = market.Providers.ToDictionary(p => p.Id, _ => 0.0);
            for (var i = 0; i < owners.Count; i++)
            {
                best[owners[i]] = Math.Max(best[owners[i]], scores[i]);
            }

            var max = best.Values.Max();
            return best.ToDictionary(b => b.Key, b => max > 0 ? b.Value / max : 0);
        });
    }

    /// <summary>The project's text followed by the taxonomy descriptions of its sectors (query-side expansion).</summary>
    private static string Expanded(MatchProject project) =>
        string.Join(" ", project.Sectors.Where(SectorTaxonomy.IsKnown).Select(k => SectorTaxonomy.Get(k).Description).Prepend(EmbeddingText.ForProject(project)));

    private static Dictionary<string, Dictionary<string, double>> ExpandedSemantic(Market market, EmbeddingStore embeddings)
    {
        embeddings.EmbedMissing(market.Projects.Select(Expanded));
        return market.Projects.ToDictionary(p => p.Id, project =>
        {
            var query = embeddings.Get(Expanded(project))!;
            return market.Providers.ToDictionary(p => p.Id, p =>
            {
                var vectors = embeddings.For(p);
                var all = vectors.Solutions.Prepend(vectors.Description).OfType<float[]>().Select(v => VectorMath.Dot(query, v)).DefaultIfEmpty(0);
                return (double)Math.Clamp(all.Max(), 0, 1);
            });
        });
    }

    private static Dictionary<string, Dictionary<string, double>> ExpandedKeyword(Market market)
    {
        using var keywords = RelevanceBench.ProviderKeywords(market);
        return market.Projects.ToDictionary(p => p.Id, project =>
        {
            var scores = new float[market.Providers.Count];
            var max = keywords.Score(keywords.QueryTerms(Expanded(project)), scores, []);
            return market.Providers.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => max > 0 ? scores[x.i] / (double)max : 0);
        });
    }

    private static Dictionary<string, Dictionary<string, int>> Bm25Ranks(Market market)
    {
        using var keywords = RelevanceBench.ProviderKeywords(market);
        return market.Projects.ToDictionary(p => p.Id, project =>
        {
            var scores = new float[market.Providers.Count];
            keywords.Score(keywords.QueryTerms(EmbeddingText.ForProject(project), int.MaxValue), scores, []);
            return Enumerable.Range(0, market.Providers.Count)
                .OrderByDescending(i => scores[i]).ThenBy(i => market.Providers[i].Id, StringComparer.Ordinal)
                .Select((i, rank) => (market.Providers[i].Id, rank)).ToDictionary(x => x.Id, x => x.rank);
        });
    }
}
