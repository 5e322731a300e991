namespace CityBridge.Web.Features.My;

/// <summary>
/// The message thread between one city (its officials) and one provider (its people). One per pair: a match, a meeting
/// request and an opportunity between the same two sides share it. Staff may read every thread.
/// </summary>
public sealed class Conversation
{
    public int Id { get; set; }

    public int CityId { get; set; }

    public int ProviderId { get; set; }

    /// <summary>The project the thread was started about, shown as its topic.</summary>
    public int? ProjectId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The newest message's id, so lists order by activity without comparing instants in SQL.</summary>
    public long LastMessageId { get; set; }
}

/// <summary>One message in a <see cref="Conversation"/>.</summary>
public sealed class ConversationMessage
{
    public long Id { get; set; }

    public int ConversationId { get; set; }

    public required string AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A notice kind a user switched off; every kind is on unless a row says otherwise.</summary>
public sealed class NoticeOptOut
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Kind { get; set; }
}
