using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// Optimal meeting scheduler, lexicographic: required and fixed meetings placed, then maximum weight, then (repair mode)
/// fewest moved meetings, then fewest idle gaps. The weight and move levels are mixed-integer programs on the aggregated
/// model (<see cref="AggregatedMip"/>, CBC); the gap level is a local search (<see cref="IdleGapLocalSearch"/>) followed
/// by CP-SAT with the weight and kept meetings held, whose bound is the proven <see cref="ScheduleResult.IdleGapsLowerBound"/>.
/// Events too large for the MIP within the budget use the LP bound and CP-SAT for the weight. Every level runs until it
/// is proven or the budget is spent; nothing returns early with an unimproved schedule.
/// </summary>
public static class MeetingScheduler
{
    // Measured on 2 cores: loading and presolving CP-SAT takes roughly a second per 20,000 slot variables,
    // so a model this much larger than the budget could not even return its hint in time.
    private const int VariablesPerSecondOfBudget = 20_000;

    // Largest model handed to CBC: the 150-participant / 600-request benchmark event has about 13,000 slot variables and
    // is proven in about a second; the 1,000 / 5,000 event (100,000) is left to the LP bound and CP-SAT.
    private const int MipVariableLimit = 40_000;

    // Share of the remaining budget for the weight level and, in repair mode, for the move level.
    private const double WeightShare = 0.8;
    private const double MovesShare = 0.5;

    // Share of the budget the LP bound may take; GLOP solves the middle benchmark event's relaxation in a few seconds,
    // the large one's in 100 s or more on a busy 2-core machine, and on that event the bound is what CP-SAT cannot give.
    private const double LinearRelaxationShare = 0.5;

    // Share of what is left after the LP bound for the MIPs around the LP's optimum (events too large for the full MIP),
    // how many participants picked at random join each neighbourhood after the first, and the seed that picks them.
    private const double NearRelaxationShare = 0.5;
    private const int NeighbourhoodParticipants = 40;
    private const int NeighbourhoodSeed = 1;

    // Budget of the gap-closing local search before CP-SAT's gap phase, as a share of what is left and in moves.
    private const double LocalSearchShare = 0.3;
    private const int LocalSearchSteps = 2_000_000;

    // Large events need more moves than that: the 5,000 / 25,000 event's weight-level schedule starts with about 12,800
    // gaps, and 2,000,000 moves (3 s) left 4,300 of them; 50,000,000 moves bring it near 2,000 (docs/benchmarks.md).
    private const int LocalSearchStepsPerMeeting = 2_000;

    // CP-SAT is not started with less than this left; the local search gets the time instead.
    private static readonly TimeSpan MinimumCpSatTime = TimeSpan.FromSeconds(0.3);

    /// <summary>Schedules the problem within the options' time limit; cancelling stops the search and keeps the best schedule.</summary>
    public static ScheduleResult Schedule(ScheduleProblem problem, SchedulerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SchedulerOptions();
        var clock = Stopwatch.StartNew();
        var index = new CandidateIndex(problem);
        var upperBound = index.CheapUpperBound();

        if (ObviousInfeasibility(index) is { } obvious)
        {
            return Infeasible(index, obvious, clock);
        }

        var bestSlots = ConstructionHeuristic.Build(index);
        var complete = index.PlacesEveryMustMeeting(bestSlots);
        var best = index.ToResult(bestSlots, complete ? ScheduleStatus.Feasible : ScheduleStatus.Unknown, upperBound, 0);
        options.Progress?.Invoke(new ScheduleProgress(best.ScheduledWeight, upperBound, best.Gap, clock.Elapsed.TotalSeconds));
        var variables = index.CandidateSlots.Sum(c => (long)c.Length);
        var weightProven = complete && best.ScheduledWeight >= upperBound;
        var movesProven = !index.HasCurrent;
        SlotModel? model = null;

        // Level 1 (and 2 in repair mode): weight, then moves, on the aggregated MIP.
        using (var mip = variables <= MipVariableLimit && (!weightProven || index.HasCurrent) ? AggregatedMip.Create(index, AggregatedMip.EventCapacity(index)) : null)
        {
            if (mip is not null && !weightProven)
            {
                var weight = mip.MaximiseWeight(Remaining(options, clock) * WeightShare, cancellationToken);
                if (weight.Status == AggregatedMip.MipStatus.Infeasible)
                {
                    return Infeasible(index, DiagnoseInfeasibility(index, options, clock), clock);
                }

                if (weight.Status is AggregatedMip.MipStatus.Optimal or AggregatedMip.MipStatus.Feasible)
                {
                    upperBound = Math.Min(upperBound, weight.Bound);
                    Keep(index, ref best, ref bestSlots, weight.Slots, upperBound);
                    complete = true;
                    weightProven = best.ScheduledWeight >= upperBound;
                    options.Progress?.Invoke(new ScheduleProgress(best.ScheduledWeight, upperBound, best.Gap, clock.Elapsed.TotalSeconds));
                }
            }

            if (mip is not null && index.HasCurrent && complete)
            {
                var stays = mip.MaximiseStays(best.ScheduledWeight, Remaining(options, clock) * MovesShare, cancellationToken);
                if (stays.Status is AggregatedMip.MipStatus.Optimal or AggregatedMip.MipStatus.Feasible)
                {
                    Keep(index, ref best, ref bestSlots, stays.Slots, upperBound);
                    movesProven = stays.Status == AggregatedMip.MipStatus.Optimal && best.Moved.Count == index.Problem.Meetings.Count(m => m.Current is not null) - stays.Value;
                }
            }
        }

        if (!weightProven && variables > MipVariableLimit)
        {
            // Too large for the MIP: the LP relaxation bounds the weight, CP-SAT searches for it within the budget.
            var remaining = Remaining(options, clock);
            if (variables <= remaining.TotalSeconds * VariablesPerSecondOfBudget &&
                LinearRelaxationBound.Compute(index, remaining * LinearRelaxationShare, cancellationToken) is { } relaxed)
            {
                upperBound = Math.Min(upperBound, relaxed.Bound);
                best = best with { UpperBoundWeight = Math.Max(upperBound, best.ScheduledWeight) };
                weightProven = complete && best.ScheduledWeight >= upperBound;
                options.Progress?.Invoke(new ScheduleProgress(best.ScheduledWeight, upperBound, best.Gap, clock.Elapsed.TotalSeconds));
                if (!weightProven && SearchNearRelaxation(index, relaxed, ref best, ref bestSlots, Remaining(options, clock) * NearRelaxationShare, upperBound, cancellationToken))
                {
                    complete = true;
                    weightProven = best.ScheduledWeight >= upperBound;
                    options.Progress?.Invoke(new ScheduleProgress(best.ScheduledWeight, upperBound, best.Gap, clock.Elapsed.TotalSeconds));
                }
            }

            remaining = Remaining(options, clock);
            if (!weightProven && variables <= remaining.TotalSeconds * VariablesPerSecondOfBudget && !cancellationToken.IsCancellationRequested)
            {
                model = new SlotModel(index, enforceRequiredByAssumption: false);
                model.Hint(bestSlots);
                model.MaximiseWeight();
                var loading = TimeSpan.FromSeconds(variables / (double)VariablesPerSecondOfBudget);
                var phaseOne = Solve(model, options, (remaining * 0.7) - loading, upperBound, clock, cancellationToken);
                if (phaseOne.Status == CpSolverStatus.Infeasible)
                {
                    return Infeasible(index, DiagnoseInfeasibility(index, options, clock), clock);
                }

                if (phaseOne.Status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
                {
                    upperBound = phaseOne.Status == CpSolverStatus.Optimal ? phaseOne.Weight : Math.Min(upperBound, (long)Math.Floor(phaseOne.Bound + 1e-6));
                    Keep(index, ref best, ref bestSlots, phaseOne.Slots, upperBound);
                    complete = true;
                    weightProven = best.ScheduledWeight >= upperBound;
                }
            }
        }

        if (!complete)
        {
            // No schedule places every required meeting (and none was proven impossible): report what the heuristic did.
            return best with { Status = ScheduleStatus.Unknown, SolveSeconds = clock.Elapsed.TotalSeconds };
        }

        // Last level: idle gaps with the weight (and the kept meetings) held.
        var gapBound = 0;
        var stayCount = index.HasCurrent ? index.Problem.Meetings.Count(m => m.Current is not null) - best.Moved.Count : 0;
        var cpSatFits = model is not null || variables <= Remaining(options, clock).TotalSeconds * VariablesPerSecondOfBudget / 2;
        var searchShare = cpSatFits ? LocalSearchShare : 1.0;
        (best, bestSlots) = CloseGaps(index, best, bestSlots, Remaining(options, clock) * searchShare, upperBound, cancellationToken);
        if (best.IdleGaps > 0 && cpSatFits && Remaining(options, clock) >= MinimumCpSatTime && !cancellationToken.IsCancellationRequested)
        {
            model ??= new SlotModel(index, enforceRequiredByAssumption: false);
            if (model.AddIdleGapObjective(best.ScheduledWeight))
            {
                model.HoldStays(stayCount);
                model.Hint(bestSlots);
                // The gap flags make this model several times larger than the slot variables alone.
                var gapLoading = TimeSpan.FromSeconds(model.Model.Model.Variables.Count / (double)VariablesPerSecondOfBudget / 4);
                var phaseTwo = Solve(model, options, Remaining(options, clock) - gapLoading, upperBound, clock, cancellationToken);
                if (phaseTwo.Status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
                {
                    var improved = index.ToResult(phaseTwo.Slots, ScheduleStatus.Feasible, upperBound, 0);
                    if (improved.ScheduledWeight >= best.ScheduledWeight && improved.Moved.Count <= best.Moved.Count && improved.IdleGaps <= best.IdleGaps)
                    {
                        (best, bestSlots) = (improved, phaseTwo.Slots);
                    }

                    gapBound = phaseTwo.Status == CpSolverStatus.Optimal ? best.IdleGaps : (int)Math.Clamp(Math.Ceiling(phaseTwo.Bound - 1e-6), 0, best.IdleGaps);
                }
            }
        }

        if (best.IdleGaps == 0)
        {
            gapBound = 0;
        }

        var optimal = weightProven && movesProven && gapBound == best.IdleGaps;
        return best with
        {
            Status = optimal ? ScheduleStatus.Optimal : ScheduleStatus.Feasible,
            UpperBoundWeight = Math.Max(upperBound, best.ScheduledWeight),
            IdleGapsLowerBound = gapBound,
            SolveSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// The weight level of an event too large for the full MIP, searched where the LP optimum points, with small MIPs
    /// (CBC sees the LP, which CP-SAT on the whole model hardly uses). Each MIP may place every meeting where the LP
    /// optimum uses it, where the current schedule has it (so that schedule stays feasible) and at its published slot;
    /// the first also anywhere for the meetings the LP does not settle, later ones anywhere for every meeting of the
    /// participants of some meetings the LP schedules and the current schedule does not (chosen with a fixed seed, so runs
    /// repeat). A MIP's own optimum proves nothing about the event: only its schedule is kept. True when the kept
    /// schedule places every required meeting.
    /// </summary>
    private static bool SearchNearRelaxation(
        CandidateIndex index, LinearRelaxationBound.Relaxation relaxed, ref ScheduleResult best, ref int[] bestSlots, TimeSpan limit, long upperBound, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(NeighbourhoodSeed);
        var open = relaxed.Settled.Select(settled => !settled).ToArray();
        for (var round = 0; best.ScheduledWeight < upperBound && !cancellationToken.IsCancellationRequested; round++)
        {
            var left = limit - clock.Elapsed;
            if (left < MinimumCpSatTime)
            {
                break;
            }

            var incumbent = bestSlots;
            int[][] allowed;
            while (true)
            {
                allowed = index.CandidateSlots.Select((slots, m) => open[m]
                    ? slots
                    : relaxed.Support[m].Append(incumbent[m]).Append(index.CanStay[m] ? index.CurrentSlot[m] : -1).Where(s => s >= 0).Distinct().ToArray()).ToArray();
                if (allowed.Sum(a => (long)a.Length) <= MipVariableLimit || !open.Contains(true))
                {
                    break;
                }

                // Too large for CBC in the time: close half of the opened meetings, picked at random.
                foreach (var m in Enumerable.Range(0, open.Length).Where(m => open[m] && random.Next(2) == 0))
                {
                    open[m] = false;
                }
            }

            if (allowed.Sum(a => (long)a.Length) > MipVariableLimit)
            {
                break;
            }

            using (var mip = AggregatedMip.Create(index, AggregatedMip.EventCapacity(index), allowed))
            {
                var outcome = mip?.MaximiseWeight(left, cancellationToken);
                if (outcome?.Status is AggregatedMip.MipStatus.Optimal or AggregatedMip.MipStatus.Feasible)
                {
                    Keep(index, ref best, ref bestSlots, outcome.Slots, upperBound);
                }
            }

            // The next neighbourhood: every meeting of the participants of the meetings the LP places and the schedule
            // misses, and of some other participants picked at random.
            var placed = bestSlots;
            var missed = Enumerable.Range(0, index.MeetingCount).Where(m => placed[m] < 0 && relaxed.Support[m].Length > 0).ToArray();
            if (missed.Length == 0)
            {
                break;
            }

            Array.Clear(open);
            var participants = missed.SelectMany(m => index.ParticipantsOf[m])
                .Concat(random.GetItems(Enumerable.Range(0, index.Problem.Participants.Count).ToArray(), NeighbourhoodParticipants));
            foreach (var other in participants.SelectMany(p => index.MeetingsOf[p]))
            {
                open[other] = true;
            }
        }

        return index.PlacesEveryMustMeeting(bestSlots);
    }

    /// <summary>Takes the candidate slots when they are lexicographically better: weight, then fewer moved, then fewer gaps.</summary>
    private static void Keep(CandidateIndex index, ref ScheduleResult best, ref int[] bestSlots, int[] candidate, long upperBound)
    {
        if (!index.PlacesEveryMustMeeting(candidate))
        {
            return;
        }

        var result = index.ToResult(candidate, ScheduleStatus.Feasible, upperBound, 0);
        var incumbentComplete = index.PlacesEveryMustMeeting(bestSlots);
        if (!incumbentComplete ||
            (result.ScheduledWeight, -result.Moved.Count, -result.IdleGaps).CompareTo((best.ScheduledWeight, -best.Moved.Count, -best.IdleGaps)) > 0)
        {
            (best, bestSlots) = (result, candidate);
        }
    }

    /// <summary>Runs the gap-closing local search on a schedule with gaps; returns the better of the two.</summary>
    private static (ScheduleResult Result, int[] Slots) CloseGaps(
        CandidateIndex index, ScheduleResult current, int[] slots, TimeSpan limit, long upperBound, CancellationToken cancellationToken)
    {
        if (current.IdleGaps == 0 || limit <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return (current, slots);
        }

        // Kempe-chain moves reach gap-free agendas that CP-SAT's neighbourhoods rarely find; zero gaps needs no proof.
        var closer = IdleGapLocalSearch.Improve(index, slots, limit, Math.Max(LocalSearchSteps, LocalSearchStepsPerMeeting * index.MeetingCount), cancellationToken);
        var improved = index.ToResult(closer, current.Status, upperBound, 0);
        return improved.ScheduledWeight >= current.ScheduledWeight && improved.Moved.Count <= current.Moved.Count && improved.IdleGaps < current.IdleGaps
            ? (improved, closer)
            : (current, slots);
    }

    private sealed record PhaseOutcome(CpSolverStatus Status, int[] Slots, long Weight, double Bound);

    private static PhaseOutcome Solve(SlotModel model, SchedulerOptions options, TimeSpan limit, long cheapBound, Stopwatch clock, CancellationToken cancellationToken)
    {
        var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(limit.TotalSeconds, 0.1):0.###} num_workers:{(options.Threads > 0 ? options.Threads : Environment.ProcessorCount)} {options.SolverParameters}"),
        };
        using var stop = cancellationToken.Register(solver.StopSearch);
        // Progress speaks of weight, so only the weight phase reports it.
        var callback = model.IsMaximisingWeight && options.Progress is not null ? new ProgressReporter(options.Progress, cheapBound, clock) : null;
        var status = solver.Solve(model.Model, callback);
        var bound = double.IsFinite(solver.BestObjectiveBound) ? solver.BestObjectiveBound : model.IsMaximisingWeight ? double.MaxValue : 0;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new PhaseOutcome(status, [], 0, model.IsMaximisingWeight ? double.MaxValue : 0);
        }

        return new PhaseOutcome(status, model.ReadSlots(solver), model.ReadWeight(solver), bound);
    }

    private static TimeSpan Remaining(SchedulerOptions options, Stopwatch clock) => options.TimeLimit - clock.Elapsed;

    private static ScheduleResult Infeasible(CandidateIndex index, string reason, Stopwatch clock)
    {
        var all = index.Problem.Meetings.Select(m => m.Id).ToList();
        return new ScheduleResult(ScheduleStatus.Infeasible, [], all, 0, 0, index.CheapUpperBound(), clock.Elapsed.TotalSeconds, reason);
    }

    /// <summary>Reasons visible without search: a must-schedule meeting with no possible slot, or a participant with more of them than slots.</summary>
    internal static string? ObviousInfeasibility(CandidateIndex index)
    {
        var meetings = index.Problem.Meetings;
        var stuck = Enumerable.Range(0, index.MeetingCount).Where(m => index.MustSchedule(m) && index.CandidateSlots[m].Length == 0).ToList();
        var pinned = stuck.Select(m => FixedPlaceReason(index.Problem, meetings[m])).OfType<string>().ToList();
        if (pinned.Count > 0)
        {
            return string.Join("; ", pinned);
        }

        if (stuck.Count > 0)
        {
            return "no slot fits " + string.Join(", ", stuck.Select(m => $"{Kind(meetings[m])} meeting '{meetings[m].Id}'")) +
                " (availability, allowed slots, fixed place and own tables exclude every slot)";
        }

        for (var p = 0; p < index.MeetingsOf.Length; p++)
        {
            var mustMeet = index.MeetingsOf[p].Where(index.MustSchedule).ToList();
            var slots = mustMeet.SelectMany(m => index.CandidateSlots[m]).Distinct().Count();
            if (mustMeet.Count > slots)
            {
                return $"participant '{index.Problem.Participants[p].Id}' has {mustMeet.Count} required or fixed meetings " +
                    $"({string.Join(", ", mustMeet.Select(m => $"'{meetings[m].Id}'"))}) but only {slots} slots where they can take place";
            }
        }

        return null;
    }

    /// <summary>Asks CP-SAT for a small set of required meetings that cannot be placed together.</summary>
    internal static string DiagnoseInfeasibility(CandidateIndex index, SchedulerOptions options, Stopwatch clock)
    {
        var model = new SlotModel(index, enforceRequiredByAssumption: true);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{Math.Max((options.TimeLimit - clock.Elapsed).TotalSeconds, 1):0.###} num_workers:1"),
        };
        var status = solver.Solve(model.Model);
        var core = status == CpSolverStatus.Infeasible ? model.MeetingsOfAssumptions(solver.SufficientAssumptionsForInfeasibility()) : [];
        var meetings = index.Problem.Meetings;
        return core.Count == 0
            ? "the required and fixed meetings cannot all be placed together (proven by the solver)"
            : "these required or fixed meetings cannot all be placed together: " +
                string.Join(", ", core.Select(m => $"'{meetings[m].Id}' ({string.Join(", ", meetings[m].Participants)})"));
    }

    /// <summary>Why a fixed meeting cannot keep its pinned place, naming the participant and the slot; null when something else blocks it.</summary>
    private static string? FixedPlaceReason(ScheduleProblem problem, Meeting meeting)
    {
        if (meeting.Fixed is not { } pinned)
        {
            return null;
        }

        var participants = problem.Participants.ToDictionary(p => p.Id);
        var absent = meeting.Participants.FirstOrDefault(p => participants[p].AvailableSlots is { } available && !available.Contains(pinned.Slot));
        if (absent is not null)
        {
            return $"fixed meeting '{meeting.Id}' is pinned to slot '{pinned.Slot}', where participant '{absent}' is not available";
        }

        if (meeting.AllowedSlots is { } allowed && !allowed.Contains(pinned.Slot))
        {
            return $"fixed meeting '{meeting.Id}' is pinned to slot '{pinned.Slot}', which is not among its allowed slots";
        }

        var tables = meeting.Participants.Where(p => participants[p].Location is not null).Select(p => $"participant '{p}' has its own table '{participants[p].Location}'").ToList();
        var distinct = meeting.Participants.Select(p => participants[p].Location).Append(pinned.Location).OfType<string>().Distinct().Count();
        if (distinct > 1)
        {
            return $"fixed meeting '{meeting.Id}' in slot '{pinned.Slot}'{(pinned.Location is null ? string.Empty : $" at '{pinned.Location}'")} cannot be held: {string.Join(" and ", tables)}";
        }

        return null;
    }

    private static string Kind(Meeting meeting) => meeting.Fixed is not null ? "fixed" : "required";

    /// <summary>Reports each improving solution with the current bound.</summary>
    private sealed class ProgressReporter(Action<ScheduleProgress> progress, long cheapBound, Stopwatch clock) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            var best = (long)Math.Round(ObjectiveValue());
            var bound = Math.Min(cheapBound, (long)Math.Floor(BestObjectiveBound() + 1e-6));
            var gap = bound <= 0 ? 0 : Math.Max(bound - best, 0) / (double)bound;
            progress(new ScheduleProgress(best, bound, gap, clock.Elapsed.TotalSeconds));
        }
    }
}
