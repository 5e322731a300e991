using CityBridge.Core.Matching;

namespace CityBridge.Core.Tests.Matching;

/// <summary>A generated market embedded once with the real MiniLM model, shared by the matching tests.</summary>
public sealed class EmbeddedMarket : IDisposable
{
    public EmbeddedMarket()
    {
        Market = MarketGenerator.Generate(seed: 11, providers: 240, projects: 24);
        Embedder = new MiniLmEmbedder();
        Embeddings = new EmbeddingStore(Embedder);
        Embeddings.EmbedMissing(EmbeddingStore.TextsOf(Market));
    }

    public Market Market { get; }

    public MiniLmEmbedder Embedder { get; }

    public EmbeddingStore Embeddings { get; }

    public MatchIndex Index(IEnumerable<MatchProvider> providers, MatchWeights? weights = null)
    {
        var list = providers.ToList();
        Embeddings.EmbedMissing(EmbeddingStore.TextsOf(new Market(list, [])));
        var index = new MatchIndex(weights);
        foreach (var provider in list)
        {
            index.Upsert(provider, Embeddings.For(provider));
        }

        return index;
    }

    public IReadOnlyList<ProviderMatch> Rank(MatchIndex index, MatchProject project, int top)
    {
        Embeddings.EmbedMissing([EmbeddingText.ForProject(project)]);
        return index.Rank(project, Embeddings.Get(EmbeddingText.ForProject(project)), top);
    }

    public void Dispose() => Embedder.Dispose();
}
