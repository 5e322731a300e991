using System.Diagnostics;

namespace CityBridge.Core.Scheduling;

/// <summary>Keeps track of who and which tables are taken while a heuristic places meetings.</summary>
internal sealed class Occupancy(SchedulingIndex index)
{
    private readonly HashSet<(int Participant, int Slot)> _busy = [];
    private readonly HashSet<(string Location, int Slot)> _forcedTaken = [];
    private readonly Dictionary<int, int> _tablesUsed = [];

    public Dictionary<int, int> SlotOfMeeting { get; } = [];

    public bool Fits(int meeting, int slot) =>
        index.MeetingParticipants[meeting].All(p => !_busy.Contains((p, slot)))
        && _tablesUsed.GetValueOrDefault(slot) < index.LocationCount
        && (index.ForcedLocation[meeting] is not { } location || !_forcedTaken.Contains((location, slot)));

    public void Place(int meeting, int slot)
    {
        foreach (var p in index.MeetingParticipants[meeting])
        {
            _busy.Add((p, slot));
        }

        if (index.ForcedLocation[meeting] is { } location)
        {
            _forcedTaken.Add((location, slot));
        }

        _tablesUsed[slot] = _tablesUsed.GetValueOrDefault(slot) + 1;
        SlotOfMeeting[meeting] = slot;
    }

    public bool IsBusy(int participant, int slot) => _busy.Contains((participant, slot));
}

/// <summary>
/// Builds schedules without a solver: the plain first-come baseline (requests in order, earliest free slot), and the
/// construction heuristic the CP-SAT solver starts from (required and fixed first, then by weight, next to the
/// participants' other meetings to avoid idle gaps).
/// </summary>
public static class GreedyScheduler
{
    public static ScheduleResult FirstCome(SchedulingProblem problem) =>
        Build(problem, Enumerable.Range(0, problem.Meetings.Count).ToList(), gapAware: false);

    public static ScheduleResult Construct(SchedulingProblem problem)
    {
        var order = Enumerable.Range(0, problem.Meetings.Count)
            .OrderByDescending(m => problem.Meetings[m].Fixed is not null)
            .ThenByDescending(m => problem.Meetings[m].Required)
            .ThenByDescending(m => problem.Meetings[m].Weight)
            .ThenBy(m => m)
            .ToList();
        return Build(problem, order, gapAware: true);
    }

    internal static Dictionary<int, int> Place(SchedulingIndex index, IEnumerable<int> order, bool gapAware)
    {
        var occupancy = new Occupancy(index);
        var slots = index.Problem.Slots;
        foreach (var m in order)
        {
            var candidates = index.Candidates[m].Where(s => occupancy.Fits(m, s));
            var chosen = gapAware
                ? candidates.Select(s => (Slot: s, Score: Adjacency(index, occupancy, m, s))).OrderByDescending(x => x.Score).ThenBy(x => x.Slot).Select(x => (int?)x.Slot).FirstOrDefault()
                : candidates.Select(s => (int?)s).FirstOrDefault();
            if (chosen is { } slot)
            {
                occupancy.Place(m, slot);
            }
        }

        return occupancy.SlotOfMeeting;

        // How many of the meeting's participants already meet in a neighbouring slot of the same session.
        int Adjacency(SchedulingIndex idx, Occupancy occ, int meeting, int slot) =>
            idx.MeetingParticipants[meeting].Sum(p =>
                (slot > 0 && slots[slot - 1].Session == slots[slot].Session && occ.IsBusy(p, slot - 1) ? 1 : 0)
                + (slot + 1 < slots.Count && slots[slot + 1].Session == slots[slot].Session && occ.IsBusy(p, slot + 1) ? 1 : 0));
    }

    private static ScheduleResult Build(SchedulingProblem problem, List<int> order, bool gapAware)
    {
        var clock = Stopwatch.StartNew();
        var index = new SchedulingIndex(problem);
        var placed = Place(index, order, gapAware);
        return ScheduleResults.From(index, placed, ScheduleStatus.Feasible, index.SimpleBound, clock.Elapsed.TotalSeconds);
    }
}

internal static class ScheduleResults
{
    public static ScheduleResult From(SchedulingIndex index, IReadOnlyDictionary<int, int> slotOfMeeting, ScheduleStatus status, long bound, double seconds, string? reason = null)
    {
        var problem = index.Problem;
        var scheduled = index.Assign(slotOfMeeting);
        var weight = slotOfMeeting.Keys.Sum(m => (long)problem.Meetings[m].Weight);
        var unscheduled = problem.Meetings.Where((m, i) => !slotOfMeeting.ContainsKey(i)).Select(m => m.Id).ToList();
        var missingRequired = problem.Meetings.Where((m, i) => (m.Required || m.Fixed is not null) && !slotOfMeeting.ContainsKey(i)).Select(m => m.Id).ToList();
        if (missingRequired.Count > 0 && status == ScheduleStatus.Feasible)
        {
            status = ScheduleStatus.Unknown;
            reason ??= $"The required meetings {string.Join(", ", missingRequired)} could not be placed in time.";
        }

        return new ScheduleResult(status, scheduled, unscheduled, weight, IdleGapCounter.Count(problem, scheduled), Math.Max(bound, weight), seconds, reason);
    }
}
