namespace CityBridge.Web.Features.Audit;

/// <summary>One change to a stored record: who, when, what, and the values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public required string Action { get; set; }

    /// <summary>The changed fields' old values as JSON; null on create.</summary>
    public string? Before { get; set; }

    /// <summary>The changed fields' new values as JSON; null on delete.</summary>
    public string? After { get; set; }
}

/// <summary>Who is making the current change, for the audit log.</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string UserName { get; }
}

/// <summary>A change made by the system itself (seeding, the CLI, background jobs).</summary>
public sealed record SystemActor(string UserName) : IAuditActor
{
    public string? UserId => null;
}
