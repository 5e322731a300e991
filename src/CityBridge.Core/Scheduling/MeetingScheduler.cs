using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// Optimal meeting scheduler on OR-Tools CP-SAT: first maximises the scheduled weight, then, with the weight held
/// at the best found, minimises idle gaps. Warm-started by <see cref="ConstructionHeuristic"/>; gaps are first closed
/// by <see cref="IdleGapLocalSearch"/>, since a schedule without gaps needs no proof for the second objective.
/// </summary>
public static class MeetingScheduler
{
    // Below this budget the model is not worth building: answer with the heuristic.
    private static readonly TimeSpan MinimumSolveTime = TimeSpan.FromSeconds(0.5);

    // Measured on 2 cores: loading and presolving CP-SAT takes roughly a second per 20,000 slot variables,
    // so a model this much larger than the budget could not even return its hint in time.
    private const int VariablesPerSecondOfBudget = 20_000;

    // Share of the budget the LP bound may take; GLOP solves the middle benchmark event's relaxation in a few seconds,
    // the large one's in 100 s or more on a busy 2-core machine, and on that event the bound is what CP-SAT cannot give.
    private const double LinearRelaxationShare = 0.5;

    // Budget of the gap-closing local search before CP-SAT's gap phase, as a share of what is left and in moves.
    private const double LocalSearchShare = 0.3;
    private const int LocalSearchSteps = 2_000_000;

    /// <summary>Schedules the problem within the options' time limit; cancelling stops the search and keeps the best schedule.</summary>
    public static ScheduleResult Schedule(ScheduleProblem problem, SchedulerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SchedulerOptions();
        var clock = Stopwatch.StartNew();
        var index = new CandidateIndex(problem);
        var cheapBound = index.CheapUpperBound();

        if (ObviousInfeasibility(index) is { } obvious)
        {
            return Infeasible(index, obvious, clock);
        }

        var heuristic = ConstructionHeuristic.Build(index);
        var heuristicComplete = index.PlacesEveryMustMeeting(heuristic);
        Remaining(options, clock, out var remaining);
        var variables = index.CandidateSlots.Sum(c => (long)c.Length);
        if (remaining < MinimumSolveTime || cancellationToken.IsCancellationRequested)
        {
            return index.ToConstructedResult(heuristic, clock.Elapsed.TotalSeconds);
        }

        // The LP relaxation usually proves a much tighter bound than counting; when the warm start already reaches it,
        // the weight is proven optimal without a CP-SAT weight phase. GLOP's time limit does not cover building the LP,
        // which costs about as much as loading CP-SAT: skip it where that alone would not fit the budget.
        if (variables <= remaining.TotalSeconds * VariablesPerSecondOfBudget &&
            LinearRelaxationBound.Compute(index, remaining * LinearRelaxationShare, cancellationToken) is { } relaxed)
        {
            cheapBound = Math.Min(cheapBound, relaxed);
        }

        var constructed = index.ToResult(heuristic, heuristicComplete ? ScheduleStatus.Feasible : ScheduleStatus.Unknown, cheapBound, 0);
        options.Progress?.Invoke(new ScheduleProgress(constructed.ScheduledWeight, cheapBound, constructed.Gap, clock.Elapsed.TotalSeconds));
        Remaining(options, clock, out remaining);
        if (heuristicComplete && constructed.ScheduledWeight >= cheapBound && constructed.IdleGaps == 0)
        {
            // Weight at a proven bound and no gap left to close: nothing to search.
            return constructed with { Status = ScheduleStatus.Optimal, SolveSeconds = clock.Elapsed.TotalSeconds };
        }

        if (remaining < MinimumSolveTime || cancellationToken.IsCancellationRequested || variables > remaining.TotalSeconds * VariablesPerSecondOfBudget)
        {
            var (closed, _) = CloseGaps(index, constructed, heuristic, remaining * LocalSearchShare, cheapBound, cancellationToken);
            return closed with { SolveSeconds = clock.Elapsed.TotalSeconds };
        }

        var model = new SlotModel(index, enforceRequiredByAssumption: false);
        // CP-SAT's time limit does not cover loading and presolving the model: leave room for it in each phase.
        var loading = TimeSpan.FromSeconds(variables / (double)VariablesPerSecondOfBudget);
        ScheduleResult best;
        int[] bestSlots;
        bool weightProven;
        long upperBound;
        if (heuristicComplete && constructed.ScheduledWeight >= cheapBound)
        {
            // The warm start already reaches a proven bound: no weight phase needed.
            (best, bestSlots, weightProven, upperBound) = (constructed, heuristic, true, cheapBound);
        }
        else
        {
            model.Hint(heuristic);
            model.MaximiseWeight();
            Remaining(options, clock, out remaining);
            var phaseOne = Solve(model, options, (remaining * 0.7) - loading, cheapBound, clock, cancellationToken);
            if (phaseOne.Status == CpSolverStatus.Infeasible)
            {
                return Infeasible(index, DiagnoseInfeasibility(index, options, clock), clock);
            }

            if (phaseOne.Status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                // Without a solution CP-SAT's bound field is not meaningful: keep the bound proven before the search.
                return constructed with { SolveSeconds = clock.Elapsed.TotalSeconds };
            }

            weightProven = phaseOne.Status == CpSolverStatus.Optimal;
            upperBound = weightProven ? phaseOne.Weight : Math.Min(cheapBound, phaseOne.Bound);
            best = index.ToResult(phaseOne.Slots, ScheduleStatus.Feasible, upperBound, 0);
            bestSlots = phaseOne.Slots;
            var fromHeuristic = index.ToResult(heuristic, ScheduleStatus.Feasible, upperBound, 0);
            if (heuristicComplete && (fromHeuristic.ScheduledWeight, -fromHeuristic.IdleGaps).CompareTo((best.ScheduledWeight, -best.IdleGaps)) > 0)
            {
                (best, bestSlots) = (fromHeuristic, heuristic); // the search lost to its own warm start: keep the better one
            }

            // The LP bound can prove the weight optimal where CP-SAT's own bound could not.
            weightProven |= best.ScheduledWeight >= cheapBound;
        }

        Remaining(options, clock, out remaining);
        (best, bestSlots) = CloseGaps(index, best, bestSlots, remaining * LocalSearchShare, upperBound, cancellationToken);
        var gapsProven = best.IdleGaps == 0;
        Remaining(options, clock, out remaining);
        if (!gapsProven && remaining >= MinimumSolveTime && !cancellationToken.IsCancellationRequested && model.AddIdleGapObjective(best.ScheduledWeight))
        {
            model.Hint(bestSlots);
            // The gap flags make this model several times larger than the slot variables alone.
            var gapLoading = TimeSpan.FromSeconds(model.Model.Model.Variables.Count / (double)VariablesPerSecondOfBudget);
            Remaining(options, clock, out remaining);
            var phaseTwo = Solve(model, options, remaining - gapLoading, cheapBound, clock, cancellationToken);
            if (phaseTwo.Status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                var improved = index.ToResult(phaseTwo.Slots, ScheduleStatus.Feasible, upperBound, 0);
                if (improved.ScheduledWeight >= best.ScheduledWeight && improved.IdleGaps <= best.IdleGaps)
                {
                    best = improved;
                }

                gapsProven = phaseTwo.Status == CpSolverStatus.Optimal;
            }
        }

        var status = weightProven && gapsProven ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        return best with { Status = status, SolveSeconds = clock.Elapsed.TotalSeconds };
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
        var closer = IdleGapLocalSearch.Improve(index, slots, limit, LocalSearchSteps, cancellationToken);
        var improved = index.ToResult(closer, current.Status, upperBound, 0);
        return improved.ScheduledWeight >= current.ScheduledWeight && improved.IdleGaps < current.IdleGaps ? (improved, closer) : (current, slots);
    }

    private sealed record PhaseOutcome(CpSolverStatus Status, int[] Slots, long Weight, long Bound);

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
        var bound = double.IsFinite(solver.BestObjectiveBound) ? (long)Math.Floor(solver.BestObjectiveBound + 1e-6) : long.MaxValue;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new PhaseOutcome(status, [], 0, model.IsMaximisingWeight ? bound : long.MaxValue);
        }

        return new PhaseOutcome(status, model.ReadSlots(solver), model.ReadWeight(solver), bound);
    }

    private static void Remaining(SchedulerOptions options, Stopwatch clock, out TimeSpan remaining) =>
        remaining = options.TimeLimit - clock.Elapsed;

    private static ScheduleResult Infeasible(CandidateIndex index, string reason, Stopwatch clock)
    {
        var all = index.Problem.Meetings.Select(m => m.Id).ToList();
        return new ScheduleResult(ScheduleStatus.Infeasible, [], all, 0, 0, index.CheapUpperBound(), clock.Elapsed.TotalSeconds, reason);
    }

    /// <summary>Reasons visible without search: a must-schedule meeting with no possible slot, or a participant with more of them than slots.</summary>
    private static string? ObviousInfeasibility(CandidateIndex index)
    {
        var meetings = index.Problem.Meetings;
        var stuck = Enumerable.Range(0, index.MeetingCount).Where(m => index.MustSchedule(m) && index.CandidateSlots[m].Length == 0).ToList();
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
    private static string DiagnoseInfeasibility(CandidateIndex index, SchedulerOptions options, Stopwatch clock)
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
