namespace CityBridge.Web.Features.Matching;

/// <summary>A stored sentence vector, keyed by the fingerprint of its text: computed once per text, recomputed when the text changes.</summary>
public sealed class TextEmbedding
{
    public required string Fingerprint { get; set; }

    /// <summary>The float32 vector as little-endian bytes.</summary>
    public required byte[] Vector { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public float[] ToVector()
    {
        var vector = new float[Vector.Length / sizeof(float)];
        Buffer.BlockCopy(Vector, 0, vector, 0, Vector.Length);
        return vector;
    }
}

/// <summary>One provider in a project's stored top list, with the explanation as computed.</summary>
public sealed class StoredMatch
{
    public int ProjectId { get; set; }

    public int OrganizationId { get; set; }

    public int Rank { get; set; }

    public double Score { get; set; }

    public string? BestSolution { get; set; }

    /// <summary>The signals as JSON: name, value, contribution, why.</summary>
    public required string SignalsJson { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>Staff's curation of a pair: pinned to the top, hidden from the list, or endorsed by the program.</summary>
public sealed class MatchCuration
{
    public int ProjectId { get; set; }

    public int OrganizationId { get; set; }

    public bool Pinned { get; set; }

    public bool Hidden { get; set; }

    public bool Endorsed { get; set; }

    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>A person's "relevant / not relevant" on a suggestion; one per person and pair, the latest wins.</summary>
public sealed class MatchMark
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public int OrganizationId { get; set; }

    public required string UserId { get; set; }

    public bool Relevant { get; set; }

    /// <summary>The pair's signals when it was marked, so the mark can still be evaluated if the pair leaves the top list.</summary>
    public string? SignalsJson { get; set; }

    public DateTimeOffset MarkedAt { get; set; }
}

/// <summary>The signal weights in force (a single row), set by staff.</summary>
public sealed class MatchSettings
{
    public int Id { get; set; } = 1;

    public double Sector { get; set; }

    public double Semantic { get; set; }

    public double Keyword { get; set; }

    public double Country { get; set; }

    public double Standards { get; set; }

    public double Stage { get; set; }

    public double Budget { get; set; }

    public string? ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
