using CityBridge.Web.Features.Shared;


namespace CityBridge.Web.Features.Events;

/// <summary>A matchmaking event: one-to-one meetings in slots of its sessions, at a number of tables.</summary>
public sealed class MatchmakingEvent : EditableRecord
{
    public required string Name { get; set; }

    public string? Venue { get; set; }

    /// <summary>IANA time zone of the venue; slots are stored as instants and shown in this zone.</summary>
    public required string TimeZone { get; set; }

    public string? Description { get; set; }

    public int SlotMinutes { get; set; } = 20;

    public int BreakMinutes { get; set; } = 5;

    public int Tables { get; set; } = 10;

    /// <summary>Open for registration and visible to signed-in users.</summary>
    public bool IsPublished { get; set; } = true;

    /// <summary>Participants see their meetings once staff publish the schedule.</summary>
    public bool SchedulePublished { get; set; }

    public List<EventSession> Sessions { get; set; } = [];

    public string? LastRunSummary { get; set; }

    /// <summary>The program the event belongs to, whose report counts its meetings.</summary>
    public int? ProgramId { get; set; }
}

/// <summary>A block of meeting time on one day, in the event's time zone.</summary>
public sealed class EventSession
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string Name { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}

/// <summary>Someone taking part in an event's meetings, for a city or a provider.</summary>
public sealed class EventRegistration
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string UserId { get; set; }

    public required string DisplayName { get; set; }

    public int? OrganizationId { get; set; }

    public string? OrganizationName { get; set; }

    /// <summary>The participant's own IANA time zone, for their agenda; the event's when not chosen.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The sessions the participant can attend; empty means all.</summary>
    public List<int> AvailableSessionIds { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The code on the participant's agenda (QR and text) that staff scan or type at the desk.</summary>
    public string? CheckInCode { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }
}

public enum MeetingRequestStatus
{
    Requested,
    Accepted,
    Declined,
    Cancelled,
    /// <summary>Not answered in time (see MyOptions.RequestExpiry), so it no longer holds the pair.</summary>
    Expired,
}

/// <summary>A request by one participant to meet another, with its priority (1 = nice to have, 3 = must meet).</summary>
public sealed class MeetingRequest
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int FromRegistrationId { get; set; }

    public int ToRegistrationId { get; set; }

    public int Priority { get; set; } = 2;

    public string? Message { get; set; }

    public MeetingRequestStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>An agreed meeting; the scheduler gives it a slot and a table.</summary>
public sealed class EventMeeting
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int? RequestId { get; set; }

    public int FirstRegistrationId { get; set; }

    public int SecondRegistrationId { get; set; }

    /// <summary>Scheduling weight: the request's priority mapped 1 → 1, 2 → 3, 3 → 9, so one must-meet outweighs two wishes.</summary>
    public int Weight { get; set; } = 3;

    public int? SlotIndex { get; set; }

    public int? Table { get; set; }

    /// <summary>Staff fixed it: the scheduler keeps its slot and table.</summary>
    public bool Pinned { get; set; }

    public bool Cancelled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>RFC 5545 SEQUENCE: raised each time the meeting moves or is cancelled, so calendars take the change.</summary>
    public int Sequence { get; set; }

    /// <summary>Last change that participants' calendars must see (RFC 5545 LAST-MODIFIED).</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    public MeetingAttendance Attendance { get; set; }

    public DateTimeOffset? AttendanceAt { get; set; }

    /// <summary>Records a move or cancellation participants must see: a higher sequence and the change time.</summary>
    public void Revise(DateTimeOffset at)
    {
        Sequence++;
        ChangedAt = at;
    }

    public static int WeightOf(int priority) => priority switch { >= 3 => 9, 2 => 3, _ => 1 };
}

/// <summary>Whether a meeting took place, as marked by either side or by staff on the day.</summary>
public enum MeetingAttendance
{
    Unknown,
    Held,
    NoShow,
}

/// <summary>One side's two-tap rating after a meeting: was it useful, do they want a follow-up.</summary>
public sealed class MeetingFeedback
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int RegistrationId { get; set; }

    public bool Useful { get; set; }

    public bool FollowUpWanted { get; set; }

    /// <summary>The opportunity a wanted follow-up opened or updated, when the two sides had a project to attach it to.</summary>
    public int? OpportunityId { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>A user's secret calendar-feed token: whoever has the URL reads the feed, so the user can replace or revoke it.</summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Token { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
