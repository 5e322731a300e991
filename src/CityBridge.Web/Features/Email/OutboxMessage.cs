namespace CityBridge.Web.Features.Email;

/// <summary>An e-mail written in the same transaction as the change that caused it, sent later by the outbox worker.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Stable across retries, so a receiving server can drop a duplicate after a crash mid-send.</summary>
    public required string MessageId { get; set; }

    /// <summary>A sender that claimed the message holds it until then; another instance may take it over afterwards.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
