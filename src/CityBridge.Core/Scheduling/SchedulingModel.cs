namespace CityBridge.Core.Scheduling;

/// <summary>A meeting slot; consecutive slots of one session form a block of the agenda.</summary>
public sealed record Slot(string Id, DateTimeOffset Start, DateTimeOffset End, string Session);

/// <summary>A participant with the slots they can attend (null: all) and, optionally, their own table.</summary>
public sealed record Participant(string Id, IReadOnlySet<string>? AvailableSlots = null, string? Location = null)
{
    public bool IsAvailable(string slotId) => AvailableSlots is null || AvailableSlots.Contains(slotId);
}

/// <summary>A meeting already published at a place it must keep.</summary>
public sealed record FixedPlace(string Slot, string? Location);

/// <summary>A requested meeting of two or more participants.</summary>
public sealed record Meeting(string Id, IReadOnlyList<string> Participants, int Weight = 1, bool Required = false, IReadOnlySet<string>? AllowedSlots = null, FixedPlace? Fixed = null);

/// <summary>One event to schedule: slots in time order, optional tables, participants and meetings.</summary>
public sealed record SchedulingProblem(IReadOnlyList<Slot> Slots, IReadOnlyList<string>? Locations, IReadOnlyList<Participant> Participants, IReadOnlyList<Meeting> Meetings)
{
    public bool HasLocations => Locations is not null;
}

/// <summary>Where a meeting was placed; Location is null when the event has no tables.</summary>
public sealed record Assignment(string Meeting, string Slot, string? Location);

/// <summary>How far the solver got: both objective levels proven, a valid schedule, proven infeasible, or nothing in time.</summary>
public enum ScheduleStatus
{
    Optimal,
    Feasible,
    Infeasible,
    Unknown,
}

/// <summary>A schedule with its objective values and the proven bound on the scheduled weight.</summary>
public sealed record ScheduleResult(
    ScheduleStatus Status,
    IReadOnlyList<Assignment> Scheduled,
    IReadOnlyList<string> Unscheduled,
    long ScheduledWeight,
    int IdleGaps,
    long UpperBoundWeight,
    double SolveSeconds,
    string? Reason = null);

/// <summary>Progress of a running solve: best weight so far, proven bound, and the relative gap between them.</summary>
public sealed record ScheduleProgress(long BestWeight, long Bound, double Seconds)
{
    public double Gap => Bound <= 0 ? 0 : (Bound - BestWeight) / (double)Bound;
}
