namespace CityBridge.Web.Features.Email;

/// <summary>Where a message stands, as staff see it on the outbox page.</summary>
public enum OutboxStatus
{
    /// <summary>Not tried yet, or retried by staff.</summary>
    Waiting,
    /// <summary>A try failed; the sender tries again later.</summary>
    Retrying,
    /// <summary>The sender gave up (too many tries or a permanent refusal); staff may retry.</summary>
    Failed,
    Sent,
}

/// <summary>An e-mail written in the same transaction as the change that caused it, sent later by the outbox worker.</summary>
public sealed class OutboxMessage
{
    /// <summary>After this many failed tries the sender gives up until staff retry the message.</summary>
    public const int MaxAttempts = 10;

    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>An iCalendar file (RFC 5545) sent with the message as <c>meeting.ics</c>, so a calendar can take the change.</summary>
    public string? Calendar { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Stable across retries, so a receiving server can drop a duplicate after a crash mid-send.</summary>
    public required string MessageId { get; set; }

    /// <summary>A sender that claimed the message holds it until then; another instance may take it over afterwards.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>For a notice to a user: what it is about and for whom; unique, so the same notice is written once.</summary>
    public string? NoticeKey { get; set; }

    public OutboxStatus Status => SentAt is not null ? OutboxStatus.Sent
        : Attempts >= MaxAttempts ? OutboxStatus.Failed
        : LastError is not null ? OutboxStatus.Retrying
        : OutboxStatus.Waiting;
}
