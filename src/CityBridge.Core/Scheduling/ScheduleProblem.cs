namespace CityBridge.Core.Scheduling;

/// <summary>One meeting slot of an event; consecutive slots of one session form an agenda block.</summary>
public sealed record Slot(string Id, DateTimeOffset Start, DateTimeOffset End, string Session);

/// <summary>A table or room where one meeting can be held per slot.</summary>
public sealed record Location(string Id);

/// <summary>A delegate or provider; null availability means every slot, a non-null location is its own table.</summary>
public sealed record Participant(string Id, IReadOnlyList<string>? AvailableSlots = null, string? Location = null);

/// <summary>The published place of a meeting that must not move.</summary>
public sealed record FixedPlacement(string Slot, string? Location);

/// <summary>
/// The place a meeting has in the published schedule (repair mode). Unlike <see cref="FixedPlacement"/> it may move;
/// a null location means only the slot is known (or the event has no locations).
/// </summary>
public sealed record CurrentPlacement(string Slot, string? Location);

/// <summary>A requested meeting between two or more participants; <paramref name="Current"/> is its published place when re-planning.</summary>
public sealed record Meeting(
    string Id,
    IReadOnlyList<string> Participants,
    int Weight = 1,
    bool Required = false,
    IReadOnlyList<string>? AllowedSlots = null,
    FixedPlacement? Fixed = null,
    CurrentPlacement? Current = null);

/// <summary>A scheduling problem as described by schedule-v1; the input is assumed already validated.</summary>
public sealed record ScheduleProblem(
    IReadOnlyList<Slot> Slots,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<Meeting> Meetings)
{
    /// <summary>True when tables are limited and every scheduled meeting needs one.</summary>
    public bool HasLocations => Locations.Count > 0;
}

/// <summary>One scheduled meeting: its slot and, when the event has locations, its table.</summary>
public sealed record Assignment(string Meeting, string Slot, string? Location);

/// <summary>How far the solver proved its answer.</summary>
public enum ScheduleStatus
{
    /// <summary>Both objective levels proven optimal.</summary>
    Optimal,

    /// <summary>A valid schedule, not proven optimal.</summary>
    Feasible,

    /// <summary>The required meetings cannot all be placed (proven).</summary>
    Infeasible,

    /// <summary>Nothing found within the time limit.</summary>
    Unknown,
}

/// <summary>The outcome of scheduling: the schedule, its objective values and a proven weight bound.</summary>
public sealed record ScheduleResult(
    ScheduleStatus Status,
    IReadOnlyList<Assignment> Scheduled,
    IReadOnlyList<string> Unscheduled,
    long ScheduledWeight,
    int IdleGaps,
    long UpperBoundWeight,
    double SolveSeconds,
    string? InfeasibleReason = null)
{
    /// <summary>A proven lower bound on the idle gaps at the scheduled weight (equal to <see cref="IdleGaps"/> when that level is proven).</summary>
    public int IdleGapsLowerBound { get; init; }

    /// <summary>Meetings that had a <see cref="Meeting.Current"/> place and are now elsewhere or unscheduled (repair mode), in input order.</summary>
    public IReadOnlyList<string> Moved { get; init; } = [];

    /// <summary>Relative distance between the scheduled weight and the proven bound, 0 when proven.</summary>
    public double Gap => UpperBoundWeight <= 0 ? 0 : (UpperBoundWeight - ScheduledWeight) / (double)UpperBoundWeight;
}

/// <summary>A progress report from a running solve.</summary>
public sealed record ScheduleProgress(long BestWeight, long UpperBoundWeight, double Gap, double ElapsedSeconds);

/// <summary>Knobs for <see cref="MeetingScheduler"/>.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Wall-clock budget for both objective phases.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>CP-SAT worker threads; 0 lets the solver decide.</summary>
    public int Threads { get; init; }

    /// <summary>Extra CP-SAT parameters in text format (e.g. "log_search_progress:true"), for tuning and diagnosis.</summary>
    public string? SolverParameters { get; init; }

    /// <summary>Called from the solver thread whenever a better schedule is found.</summary>
    public Action<ScheduleProgress>? Progress { get; init; }
}
