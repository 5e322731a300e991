using System.Text.Json;
using System.Text.Json.Serialization;
using CityBridge.Core.Scheduling;

namespace CityBridge.Cli.Scheduling;

/// <summary>The schedule-v1 JSON shapes as written on disk; nullable so the reader can name what is missing.</summary>
internal sealed record EventDocument(string? Format, List<SlotDocument?>? Slots, List<LocationDocument?>? Locations, List<ParticipantDocument?>? Participants, List<MeetingDocument?>? Meetings);

internal sealed record SlotDocument(string? Id, DateTimeOffset? Start, DateTimeOffset? End, string? Session);

internal sealed record LocationDocument(string? Id);

internal sealed record ParticipantDocument(string? Id, List<string?>? AvailableSlots, string? Location);

internal sealed record MeetingDocument(
    string? Id,
    List<string?>? Participants,
    long? Weight,
    bool? Required,
    List<string?>? AllowedSlots,
    FixedDocument? Fixed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FixedDocument? Current = null);

/// <summary>A place in the schedule: <c>fixed</c> (pinned) or <c>current</c> (published, may move).</summary>
internal sealed record FixedDocument(string? Slot, string? Location);

internal sealed record AssignmentDocument(string? Meeting, string? Slot, string? Location);

internal sealed record ScheduleDocument(
    string Format,
    string Status,
    List<AssignmentDocument> Scheduled,
    List<string> Unscheduled,
    long ScheduledWeight,
    int IdleGaps,
    long UpperBoundWeight,
    double SolveSeconds,
    int? IdleGapsLowerBound = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Moved = null);

/// <summary>The `schedule tables` answer (schedule-tables-v1).</summary>
internal sealed record TablesDocument(string Format, int Tables, long MaxWeight, OneFewerDocument? OneFewer);

internal sealed record OneFewerDocument(int Tables, long UpperBoundWeight);

/// <summary>Reads and writes schedule-v1 files; every input problem becomes an <see cref="InvalidInputException"/>.</summary>
internal static class ScheduleJson
{
    public const string FormatTag = "schedule-v1";

    public static async Task<ScheduleProblem> ReadEventAsync(FileInfo file, CancellationToken ct)
    {
        var document = await DeserializeAsync<EventDocument>(file, ct);
        return EventValidation.ToProblem(document);
    }

    public static async Task<ScheduleDocument> ReadScheduleAsync(FileInfo file, CancellationToken ct)
    {
        var document = await DeserializeAsync<ScheduleDocument>(file, ct);
        if (document.Format != FormatTag)
        {
            throw new InvalidInputException($"format: expected '{FormatTag}' but found '{document.Format}'");
        }

        for (var i = 0; i < (document.Scheduled?.Count ?? 0); i++)
        {
            if (document.Scheduled![i] is not { Meeting: not null, Slot: not null })
            {
                throw new InvalidInputException($"scheduled[{i}]: meeting and slot are required");
            }
        }

        return document with { Scheduled = document.Scheduled ?? [], Unscheduled = document.Unscheduled ?? [] };
    }

    public static IReadOnlyList<Assignment> Assignments(ScheduleDocument document) =>
        document.Scheduled.Select(a => new Assignment(a.Meeting!, a.Slot!, a.Location)).ToList();

    public const string TablesFormatTag = "schedule-tables-v1";

    public static async Task WriteScheduleAsync(FileInfo file, ScheduleResult result, bool repair, CancellationToken ct)
    {
        var document = new ScheduleDocument(
            FormatTag,
            result.Status.ToString().ToLowerInvariant(),
            result.Scheduled.Select(a => new AssignmentDocument(a.Meeting, a.Slot, a.Location)).ToList(),
            result.Unscheduled.ToList(),
            result.ScheduledWeight,
            result.IdleGaps,
            result.UpperBoundWeight,
            Math.Round(result.SolveSeconds, 2),
            result.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible ? result.IdleGapsLowerBound : null,
            repair ? result.Moved.ToList() : null);
        await WriteAsync(file, document, ct);
    }

    public static Task WriteEventAsync(FileInfo file, ScheduleProblem problem, CancellationToken ct)
    {
        var document = new EventDocument(
            FormatTag,
            problem.Slots.Select(s => (SlotDocument?)new SlotDocument(s.Id, s.Start, s.End, s.Session)).ToList(),
            problem.HasLocations ? problem.Locations.Select(l => (LocationDocument?)new LocationDocument(l.Id)).ToList() : null,
            problem.Participants.Select(p => (ParticipantDocument?)new ParticipantDocument(p.Id, p.AvailableSlots?.Select(s => (string?)s).ToList(), p.Location)).ToList(),
            problem.Meetings.Select(m => (MeetingDocument?)new MeetingDocument(
                m.Id,
                m.Participants.Select(p => (string?)p).ToList(),
                m.Weight,
                m.Required,
                m.AllowedSlots?.Select(s => (string?)s).ToList(),
                m.Fixed is null ? null : new FixedDocument(m.Fixed.Slot, m.Fixed.Location),
                m.Current is null ? null : new FixedDocument(m.Current.Slot, m.Current.Location))).ToList());
        return WriteAsync(file, document, ct);
    }

    private static Task<T> DeserializeAsync<T>(FileInfo file, CancellationToken ct) => JsonFiles.ReadAsync<T>(file, ct);

    private static Task WriteAsync<T>(FileInfo file, T document, CancellationToken ct) => JsonFiles.WriteAsync(file, document, ct);
}
