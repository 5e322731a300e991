using CityBridge.Core.Programs;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Programs;

/// <summary>
/// A program staff run: a workshop, a trade-show delegation, a sector program or an expert-advisor delegation.
/// Named TradeProgram because <c>Program</c> is the host's entry point.
/// </summary>
public sealed class TradeProgram : EditableRecord
{
    public required string Name { get; set; }

    public ProgramKind Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>Venue or trade show, and the city it is in.</summary>
    public string? Place { get; set; }

    /// <summary>IANA time zone of the place; sessions are kept in local time there and shown in this zone.</summary>
    public required string TimeZone { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public List<string> Sectors { get; set; } = [];

    public int Capacity { get; set; } = 24;

    /// <summary>Visible to the public and open for registration.</summary>
    public bool IsPublished { get; set; }

    public List<ProgramSession> Sessions { get; set; } = [];

    /// <summary>Raised each time the agenda changes: the calendar SEQUENCE of every session (RFC 5545 §3.8.7.4).</summary>
    public int AgendaRevision { get; set; }
}

/// <summary>One item of a program's agenda, in the program's local time.</summary>
public sealed class ProgramSession
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }

    /// <summary>For workshops one of <see cref="Core.Library.WorkshopTopics"/>; free text otherwise.</summary>
    public string? Topic { get; set; }

    public string? Speakers { get; set; }

    /// <summary>Markdown: reading, slides and links for the session.</summary>
    public string? Materials { get; set; }
}

/// <summary>A person's registration for a program, with the priority project a city participant brings.</summary>
public sealed class ProgramRegistration
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public required string UserId { get; set; }

    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public int? OrganizationId { get; set; }

    public int? ProjectId { get; set; }

    public RegistrationStatus Status { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public DateTimeOffset? WaitlistedAt { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }

    public Seat ToSeat() => new(Id, UserId, Status, AppliedAt, WaitlistedAt);
}

/// <summary>A city visit of an expert-advisor delegation.</summary>
public sealed class ItineraryVisit
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public int Order { get; set; }

    public int CityId { get; set; }

    public City? City { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public string? Host { get; set; }

    public string? Topics { get; set; }

    public int? ProjectId { get; set; }
}

/// <summary>A participant's feedback after the program: a score from 1 to 5 and a comment, one per registration.</summary>
public sealed class ProgramFeedback
{
    public int Id { get; set; }

    public int RegistrationId { get; set; }

    public int ProgramId { get; set; }

    public int Score { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>The mark that a registration's day-before reminder was queued; its unique registration id keeps it to one.</summary>
public sealed class ProgramReminder
{
    public int Id { get; set; }

    public int RegistrationId { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
}
