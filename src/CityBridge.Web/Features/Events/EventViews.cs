namespace CityBridge.Web.Features.Events;

/// <summary>An event in lists and details.</summary>
public sealed record EventDto(int Id, string Name, string? Venue, string TimeZone, string? Description, int SlotMinutes, int BreakMinutes, int Tables,
    bool IsPublished, bool SchedulePublished, IReadOnlyList<SessionInput> Sessions, int SlotCount, string? LastRunSummary, Guid Version, int? ProgramId = null);

public sealed record RequestInput(int ToRegistrationId, int? Priority, string? Message);

public sealed record RegistrationInput(string? TimeZone);

public sealed record AvailabilityInput(string? TimeZone, List<int>? AvailableSessionIds);

public sealed record ScheduleInput(double? TimeLimitSeconds, bool AllowMoves);

public sealed record PublishInput(bool? Published);

public sealed record AddMeetingInput(int FirstRegistrationId, int SecondRegistrationId, int? Priority);

/// <summary>How an event reads in lists, details, calendars and the API.</summary>
public static class EventViews
{
    public static EventDto ToDto(MatchmakingEvent e) => new(
        e.Id, e.Name, e.Venue, e.TimeZone, e.Description, e.SlotMinutes, e.BreakMinutes, e.Tables, e.IsPublished, e.SchedulePublished,
        EventInput.From(e).Sessions, EventWorkflow.Slots(e).Count, e.LastRunSummary, e.Version, e.ProgramId);
}
