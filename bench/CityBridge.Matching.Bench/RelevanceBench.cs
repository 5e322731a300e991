using System.Globalization;
using System.Text.Json;
using CityBridge.Core.Domain;
using CityBridge.Core.Matching;

/// <summary>
/// Ranking quality on the labelled market in data/: nDCG@10 (graded gains 2^g − 1) and P@5 (grade ≥ 1) for the engine and
/// for each evidence alone. Usage: dotnet run -c Release --project bench/CityBridge.Matching.Bench -- relevance [minilm|arctic] [--verbose] [--fit] [--scores] [--variants]
/// </summary>
internal static class RelevanceBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Run(string[] args)
    {
        var model = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "minilm";
        var verbose = args.Contains("--verbose");
        var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
        var (market, grades) = Load(dataDirectory);
        var (market0, _) = Load(dataDirectory);
        var queries = market0.Projects.Select(EmbeddingText.ForProject).OfType<string>().ToHashSet(StringComparer.Ordinal);
        ITextEmbedder embedder = model switch
        {
            "arctic" => new ArcticXsEmbedder(),
            "arctic-query" => new QueryPrefixed(new ArcticXsEmbedder(), queries, "Represent this sentence for searching relevant passages: "),
            _ => new MiniLmEmbedder(),
        };
        using var disposeEmbedder = (IDisposable)embedder;
        var embeddings = new EmbeddingStore(embedder);
        embeddings.EmbedMissing(EmbeddingStore.TextsOf(market));
        Console.WriteLine($"labelled market: {market.Projects.Count} projects x {market.Providers.Count} providers, {grades.Sum(g => g.Value.Count)} graded pairs; model {model}");
        Console.WriteLine($"{"method",-28} {"nDCG@10",8} {"P@5",6}   (technical wording p01-p20 | everyday wording p21-p30: nDCG@10)");

        Report("CityBridge (default weights)", market, grades, Engine(market, embeddings, MatchWeights.Default), verbose);
        Report("BM25 alone (Lucene)", market, grades, Bm25(market), verbose: false);
        Report("embeddings alone", market, grades, Engine(market, embeddings, new MatchWeights(0, 1, 0, 0, 0, 0, 0)), verbose: false);
        Report("sector overlap alone", market, grades, Engine(market, embeddings, new MatchWeights(1, 0, 0, 0, 0, 0, 0)), verbose: false);
        if (args.Contains("--scores"))
        {
            ScoresByGrade(market, grades, embeddings);
        }

        if (args.Contains("--fit"))
        {
            CrossValidate(market, grades, embeddings);
        }

        if (args.Contains("--variants"))
        {
            RelevanceVariants.Run(market, grades, embeddings);
        }
    }

    /// <summary>
    /// 5-fold cross-validation of the technology weights (context weights fixed at their defaults): for each fold the grid
    /// point best on the other four folds is scored on the held-out fold; the mean held-out nDCG@10 is the honest figure.
    /// </summary>
    private static void CrossValidate(Market market, Dictionary<string, Dictionary<string, int>> grades, EmbeddingStore embeddings)
    {
        var grid = TechnologyGrid();
        var (perProject, heldOut) = CrossValidated(market, grades, grid, w => Engine(market, embeddings, w), (fold, w, score) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fold {fold}: best on training sector {w.Sector} semantic {w.Semantic} keyword {w.Keyword}; held-out nDCG@10 {score:0.000}")));
        var all = Enumerable.Range(0, grid.Count).OrderByDescending(g => perProject[g].Values.Average()).ThenBy(g => g).First();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cross-validated nDCG@10 of fitted technology weights: {heldOut:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on all projects: sector {grid[all].Sector} semantic {grid[all].Semantic} keyword {grid[all].Keyword} (in-sample {perProject[all].Values.Average():0.000})"));
    }

    private static readonly double[] SectorGrid = [0, 0.05, 0.1, 0.2], KeywordGrid = [0, 0.05, 0.1, 0.2, 0.3], SemanticGrid = [0.3, 0.45, 0.55, 0.7, 0.85];

    /// <summary>The grid of technology weights searched (context weights at their defaults).</summary>
    public static List<MatchWeights> TechnologyGrid() =>
        (from sector in SectorGrid
         from keyword in KeywordGrid
         from semantic in SemanticGrid
         select MatchWeights.Default with { Sector = sector, Keyword = keyword, Semantic = semantic }).ToList();

    /// <summary>
    /// Each grid point's nDCG@10 per project, and the mean held-out nDCG@10 of 5-fold cross-validation over projects: each
    /// fold is scored with the grid point best on the other folds.
    /// </summary>
    public static (List<Dictionary<string, double>> PerProject, double HeldOut) CrossValidated(
        Market market, Dictionary<string, Dictionary<string, int>> grades, List<MatchWeights> grid,
        Func<MatchWeights, Dictionary<string, List<string>>> rank, Action<int, MatchWeights, double>? onFold = null)
    {
        const int Folds = 5;
        var perProject = grid.Select(w =>
        {
            var rankings = rank(w);
            return market.Projects.ToDictionary(p => p.Id, p => Score([p.Id], rankings, grades).Ndcg);
        }).ToList();
        var heldOut = 0.0;
        for (var fold = 0; fold < Folds; fold++)
        {
            var test = market.Projects.Where((_, i) => i % Folds == fold).Select(p => p.Id).ToList();
            var train = market.Projects.Select(p => p.Id).Except(test).ToList();
            var best = Enumerable.Range(0, grid.Count).OrderByDescending(g => train.Average(id => perProject[g][id])).ThenBy(g => g).First();
            var score = test.Average(id => perProject[best][id]);
            heldOut += score * test.Count;
            onFold?.Invoke(fold, grid[best], score);
        }

        return (perProject, heldOut / market.Projects.Count);
    }

    /// <summary>A keyword index of the providers' texts, by their position in the market.</summary>
    public static KeywordIndex ProviderKeywords(Market market)
    {
        var keywords = new KeywordIndex();
        for (var i = 0; i < market.Providers.Count; i++)
        {
            keywords.Upsert(i, MatchIndex.KeywordText(market.Providers[i]));
        }

        return keywords;
    }

    /// <summary>The engine's scores of the top ten by grade, to set the fit labels' thresholds (MatchFit).</summary>
    private static void ScoresByGrade(Market market, Dictionary<string, Dictionary<string, int>> grades, EmbeddingStore embeddings)
    {
        using var index = MarketMatcher.BuildIndex(market, embeddings, MatchWeights.Default);
        var ranked = MarketMatcher.RankAll(index, market.Projects, embeddings, 10);
        var byGrade = ranked.SelectMany(m => m.Providers.Select(p => (Grade: grades.GetValueOrDefault(m.ProjectId)?.GetValueOrDefault(p.ProviderId) ?? 0, p.Score, p.Fit)))
            .GroupBy(x => x.Grade).OrderBy(g => g.Key);
        foreach (var g in byGrade)
        {
            var scores = g.Select(x => x.Score).Order().ToList();
            double Q(double q) => scores[(int)(q * (scores.Count - 1))];
            var labels = string.Join(", ", g.GroupBy(x => x.Fit).OrderBy(l => l.Key).Select(l => $"{l.Key} {l.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  grade {g.Key}: {scores.Count} pairs in top 10, score p10 {Q(0.1):0.000} p50 {Q(0.5):0.000} p90 {Q(0.9):0.000}; labels: {labels}"));
        }
    }

    /// <summary>Every provider in the engine's order, per project.</summary>
    private static Dictionary<string, List<string>> Engine(Market market, EmbeddingStore embeddings, MatchWeights weights)
    {
        using var index = MarketMatcher.BuildIndex(market, embeddings, weights);
        return MarketMatcher.RankAll(index, market.Projects, embeddings, market.Providers.Count)
            .ToDictionary(m => m.ProjectId, m => m.Providers.Select(p => p.ProviderId).ToList());
    }

    /// <summary>Plain BM25 of the whole project text (every term) against the provider texts the keyword signal uses.</summary>
    private static Dictionary<string, List<string>> Bm25(Market market)
    {
        using var keywords = ProviderKeywords(market);
        var result = new Dictionary<string, List<string>>();
        foreach (var project in market.Projects)
        {
            var scores = new float[market.Providers.Count];
            keywords.Score(keywords.QueryTerms(EmbeddingText.ForProject(project), int.MaxValue), scores, []);
            result[project.Id] = Enumerable.Range(0, market.Providers.Count)
                .OrderByDescending(i => scores[i]).ThenBy(i => market.Providers[i].Id, StringComparer.Ordinal)
                .Select(i => market.Providers[i].Id).ToList();
        }

        return result;
    }

    public static (double Ndcg, double Precision) Score(IEnumerable<string> projectIds, Dictionary<string, List<string>> rankings, Dictionary<string, Dictionary<string, int>> grades)
    {
        var ids = projectIds.ToList();
        double ndcg = 0, precision = 0;
        foreach (var id in ids)
        {
            var judged = grades.GetValueOrDefault(id) ?? [];
            var gains = rankings[id].Select(p => judged.GetValueOrDefault(p)).ToList();
            static double Dcg(IEnumerable<int> g) => g.Take(10).Select((x, i) => (Math.Pow(2, x) - 1) / Math.Log2(i + 2)).Sum();
            var ideal = Dcg(judged.Values.OrderByDescending(g => g));
            ndcg += ideal == 0 ? 0 : Dcg(gains) / ideal;
            precision += gains.Take(5).Count(g => g > 0) / 5.0;
        }

        return (ndcg / ids.Count, precision / ids.Count);
    }

    private static void Report(string name, Market market, Dictionary<string, Dictionary<string, int>> grades, Dictionary<string, List<string>> rankings, bool verbose)
    {
        var (ndcg, precision) = Score(market.Projects.Select(p => p.Id), rankings, grades);
        var (technical, _) = Score(market.Projects.Take(20).Select(p => p.Id), rankings, grades);
        var (everyday, _) = Score(market.Projects.Skip(20).Select(p => p.Id), rankings, grades);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {ndcg,8:0.000} {precision,6:0.000}   ({technical:0.000} | {everyday:0.000})"));
        if (verbose)
        {
            foreach (var project in market.Projects)
            {
                var judged = grades.GetValueOrDefault(project.Id) ?? [];
                Console.WriteLine($"  {project.Id}: {string.Join(" ", rankings[project.Id].Take(6).Select(p => $"{p}({judged.GetValueOrDefault(p)})"))}");
            }
        }
    }

    public static (Market Market, Dictionary<string, Dictionary<string, int>> Grades) Load(string directory)
    {
        var document = JsonSerializer.Deserialize<MarketFile>(File.ReadAllText(Path.Combine(directory, "market.json")), Json)!;
        var labels = JsonSerializer.Deserialize<LabelFile>(File.ReadAllText(Path.Combine(directory, "labels.json")), Json)!;
        var providers = document.Providers.Select(p => new MatchProvider(
            p.Id, p.Name, p.Description, p.Sectors ?? [], p.Countries ?? [], p.Standards ?? [],
            (p.Solutions ?? []).Select(s => new MatchSolution(s.Name, s.Description, s.Sectors ?? [], s.Standards ?? [])).ToList())
        {
            Stages = (p.Stages ?? []).Select(s => Enum.Parse<ProjectStage>(s, ignoreCase: true)).ToList(),
            DealSizeMinUsd = p.DealSizeMinUsd,
            DealSizeMaxUsd = p.DealSizeMaxUsd,
        }).ToList();
        var projects = document.Projects.Select(p => new MatchProject(
            p.Id, p.Title, p.Description, p.City, p.Country, p.Sectors ?? [], p.Standards ?? [],
            p.Stage is null ? null : Enum.Parse<ProjectStage>(p.Stage, ignoreCase: true), p.BudgetUsd)).ToList();
        return (new Market(providers, projects), labels.Grades);
    }

    /// <summary>Arctic-embed is trained with an instruction before queries (the projects) and none before passages.</summary>
    private sealed class QueryPrefixed(ArcticXsEmbedder inner, HashSet<string> queries, string prefix) : ITextEmbedder, IDisposable
    {
        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            inner.Embed(texts.Select(t => queries.Contains(t) ? prefix + t : t).ToList(), cancellationToken);

        public void Dispose() => inner.Dispose();
    }

    private sealed record MarketFile(List<ProviderFile> Providers, List<ProjectFile> Projects);

    private sealed record SolutionFile(string Name, string? Description, List<string>? Sectors, List<string>? Standards);

    private sealed record ProviderFile(
        string Id, string Name, string? Description, List<string>? Sectors, List<string>? Countries, List<string>? Standards,
        List<SolutionFile>? Solutions, List<string>? Stages, decimal? DealSizeMinUsd, decimal? DealSizeMaxUsd);

    private sealed record ProjectFile(
        string Id, string Title, string? Description, string? City, string? Country, List<string>? Sectors, List<string>? Standards, string? Stage, decimal? BudgetUsd);

    private sealed record LabelFile(Dictionary<string, Dictionary<string, int>> Grades);
}
