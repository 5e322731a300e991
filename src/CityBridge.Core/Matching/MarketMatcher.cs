namespace CityBridge.Core.Matching;

/// <summary>Providers and projects to match, as read from a match-v1 file or the database.</summary>
public sealed record Market(IReadOnlyList<MatchProvider> Providers, IReadOnlyList<MatchProject> Projects);

/// <summary>How far a long matching run is: a phase ("embedding", "indexing", "matching") and its count.</summary>
public sealed record MatchProgress(string Phase, int Done, int Total);

/// <summary>Vectors by text fingerprint: each distinct text is embedded once, in batches.</summary>
public sealed class EmbeddingStore(ITextEmbedder embedder)
{
    private const int BatchSize = 64;
    private readonly Dictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, float[]> Vectors => vectors;

    public void Add(string fingerprint, float[] vector) => vectors[fingerprint] = vector;

    /// <summary>Embeds every text not yet known, reporting after each batch.</summary>
    public void EmbedMissing(IEnumerable<string?> texts, IProgress<MatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var missing = texts.OfType<string>()
            .Select(t => (Text: t, Key: EmbeddingText.Fingerprint(t)))
            .Where(t => !vectors.ContainsKey(t.Key))
            .DistinctBy(t => t.Key)
            .ToList();
        for (var start = 0; start < missing.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = missing.Skip(start).Take(BatchSize).ToList();
            var embedded = embedder.Embed(batch.Select(b => b.Text).ToList(), cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                vectors[batch[i].Key] = embedded[i];
            }

            progress?.Report(new MatchProgress("embedding", Math.Min(start + BatchSize, missing.Count), missing.Count));
        }
    }

    public float[]? Get(string? text) => text is not null && vectors.TryGetValue(EmbeddingText.Fingerprint(text), out var v) ? v : null;

    public ProviderVectors For(MatchProvider provider) =>
        new(Get(EmbeddingText.ForProvider(provider)), provider.Solutions.Select(s => Get(EmbeddingText.ForSolution(s))).ToList());

    /// <summary>Every text of a market that gets a vector.</summary>
    public static IEnumerable<string?> TextsOf(Market market) =>
        market.Providers.SelectMany(p => p.Solutions.Select(EmbeddingText.ForSolution).Prepend(EmbeddingText.ForProvider(p)))
            .Concat(market.Projects.Select(EmbeddingText.ForProject));
}

/// <summary>Matches every project of a market: embed the texts once, index the providers, rank the projects in parallel.</summary>
public static class MarketMatcher
{
    public static MatchIndex BuildIndex(Market market, EmbeddingStore embeddings, MatchWeights weights, IProgress<MatchProgress>? progress = null)
    {
        var index = new MatchIndex(weights);
        for (var i = 0; i < market.Providers.Count; i++)
        {
            var provider = market.Providers[i];
            index.Upsert(provider, embeddings.For(provider));
            if ((i + 1) % 10_000 == 0 || i + 1 == market.Providers.Count)
            {
                progress?.Report(new MatchProgress("indexing", i + 1, market.Providers.Count));
            }
        }

        return index;
    }

    /// <summary>The top providers of each project, in the projects' order.</summary>
    public static IReadOnlyList<ProjectMatches> RankAll(
        MatchIndex index, IReadOnlyList<MatchProject> projects, EmbeddingStore embeddings, int top, IProgress<MatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Projects go in small batches so one pass over the index's 8-bit vectors serves several (MatchIndex.RankMany).
        const int Batch = 8;
        var results = new ProjectMatches[projects.Count];
        var done = 0;
        var batches = (projects.Count + Batch - 1) / Batch;
        Parallel.For(0, batches, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            var slice = Enumerable.Range(b * Batch, Math.Min(Batch, projects.Count - (b * Batch))).Select(i => projects[i]).ToList();
            var ranked = index.RankMany(slice.Select(p => (p, embeddings.Get(EmbeddingText.ForProject(p)))).ToList(), top);
            for (var j = 0; j < slice.Count; j++)
            {
                results[(b * Batch) + j] = new ProjectMatches(slice[j].Id, ranked[j]);
                var finished = Interlocked.Increment(ref done);
                if (finished % 100 == 0 || finished == projects.Count)
                {
                    progress?.Report(new MatchProgress("matching", finished, projects.Count));
                }
            }
        });
        return results;
    }

    /// <summary>Everything in one call, for the CLI.</summary>
    public static IReadOnlyList<ProjectMatches> Match(
        Market market, ITextEmbedder embedder, MatchWeights weights, int top, IProgress<MatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new EmbeddingStore(embedder);
        embeddings.EmbedMissing(EmbeddingStore.TextsOf(market), progress, cancellationToken);
        using var index = BuildIndex(market, embeddings, weights, progress);
        return RankAll(index, market.Projects, embeddings, top, progress, cancellationToken);
    }
}
