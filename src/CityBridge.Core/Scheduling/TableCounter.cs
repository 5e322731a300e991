using System.Diagnostics;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// The answer to "how many tables does this event need?" (schedule-tables-v1). <see cref="Tables"/> is the smallest
/// number of tables that still schedules <see cref="MaxWeight"/>, the maximum weight with unlimited tables;
/// <see cref="OneFewerUpperBoundWeight"/> is a proven bound on the weight with one table fewer, below the maximum
/// (the proof). Status <see cref="ScheduleStatus.Optimal"/> when both are proven, <see cref="ScheduleStatus.Feasible"/>
/// when <see cref="Tables"/> suffices but one fewer was not proven short within the time limit.
/// </summary>
public sealed record TableCount(
    ScheduleStatus Status,
    int Tables,
    long MaxWeight,
    int? OneFewerTables,
    long? OneFewerUpperBoundWeight,
    double SolveSeconds,
    string? Reason = null);

/// <summary>
/// Finds the table count by binary search over the table capacity, each step a weight MIP on the aggregated model
/// (<see cref="AggregatedMip"/>). Own tables and tables named by fixed meetings must exist, so the count never goes
/// below the number of them; they count like any other table in use.
/// </summary>
public static class TableCounter
{
    /// <summary>Counts the tables within the options' time limit (threads are not used: the MIP backend runs on one).</summary>
    public static TableCount Count(ScheduleProblem problem, SchedulerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new SchedulerOptions();
        var clock = Stopwatch.StartNew();
        var index = new CandidateIndex(problem);
        if (MeetingScheduler.ObviousInfeasibility(index) is { } obvious)
        {
            return new TableCount(ScheduleStatus.Infeasible, 0, 0, null, null, clock.Elapsed.TotalSeconds, obvious);
        }

        var unlimited = Solve(index, null, options, clock, 0.3, cancellationToken);
        if (unlimited.Status == AggregatedMip.MipStatus.Infeasible)
        {
            return new TableCount(ScheduleStatus.Infeasible, 0, 0, null, null, clock.Elapsed.TotalSeconds, MeetingScheduler.DiagnoseInfeasibility(index, options, clock));
        }

        if (unlimited.Status != AggregatedMip.MipStatus.Optimal)
        {
            return new TableCount(ScheduleStatus.Unknown, 0, 0, null, null, clock.Elapsed.TotalSeconds, "the maximum weight was not proven within the time limit");
        }

        var maxWeight = unlimited.Value;
        var named = problem.Participants.Select(p => p.Location).Concat(problem.Meetings.Select(m => m.Fixed?.Location)).OfType<string>().Distinct().Count();
        var busiest = unlimited.Slots.Where(s => s >= 0).GroupBy(s => s).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var low = named;
        var high = Math.Max(busiest, named);
        var shortOf = new Dictionary<int, long>(); // table count → proven weight bound below the maximum
        var proven = true;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var outcome = Solve(index, middle, options, clock, 0.4, cancellationToken);
            if (outcome.Status is AggregatedMip.MipStatus.Optimal or AggregatedMip.MipStatus.Feasible && outcome.Value >= maxWeight)
            {
                high = middle;
            }
            else if (ProvenShort(outcome, maxWeight) is { } bound)
            {
                shortOf[middle] = bound;
                low = middle + 1;
            }
            else
            {
                proven = false;
                break;
            }
        }

        int? oneFewer = high > 0 && maxWeight > 0 ? high - 1 : null;
        long? oneFewerBound = null;
        if (oneFewer is { } fewer && proven)
        {
            if (!shortOf.TryGetValue(fewer, out var known))
            {
                known = fewer == 0 ? 0 : ProvenShort(Solve(index, fewer, options, clock, 1.0, cancellationToken), maxWeight) ?? -1;
            }

            oneFewerBound = known >= 0 ? known : null;
            proven = known >= 0;
        }

        return new TableCount(
            proven ? ScheduleStatus.Optimal : ScheduleStatus.Feasible,
            high,
            maxWeight,
            oneFewer,
            oneFewerBound,
            clock.Elapsed.TotalSeconds,
            proven ? null : $"one table fewer than {high} was not proven to lose weight within the time limit");
    }

    /// <summary>The proven weight bound when it is below the maximum, else null; 0 when the required meetings do not fit at all.</summary>
    private static long? ProvenShort(AggregatedMip.Outcome outcome, long maxWeight) => outcome.Status switch
    {
        AggregatedMip.MipStatus.Infeasible => 0, // the required meetings do not fit: no schedule at all
        AggregatedMip.MipStatus.Optimal when outcome.Value < maxWeight => outcome.Value,
        AggregatedMip.MipStatus.Feasible when outcome.Bound < maxWeight => outcome.Bound,
        _ => null,
    };

    private static AggregatedMip.Outcome Solve(CandidateIndex index, int? tables, SchedulerOptions options, Stopwatch clock, double share, CancellationToken cancellationToken)
    {
        using var mip = AggregatedMip.Create(index, tables) ?? throw new InvalidOperationException($"the {AggregatedMip.Backend} backend of OR-Tools is missing");
        return mip.MaximiseWeight((options.TimeLimit - clock.Elapsed) * share, cancellationToken);
    }
}
