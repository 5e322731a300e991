using System.Diagnostics;
using Google.OrTools.Sat;

namespace CityBridge.Core.Scheduling;

/// <summary>Solver limits: total time (seconds) and worker threads.</summary>
public sealed record SolverOptions(double TimeLimitSeconds = 30, int Threads = 2);

/// <summary>
/// Places meetings with Google OR-Tools CP-SAT. First it maximises the scheduled weight (required meetings forced,
/// fixed ones pinned), then, with that weight held, minimises idle gaps. The construction heuristic is the warm start,
/// and the answer when the time is too short for the solver to improve on it.
/// </summary>
public sealed class MeetingScheduler
{
    /// <summary>Below this, the solver has no real chance; the heuristic answers alone.</summary>
    public const double HeuristicOnlySeconds = 0.2;

    public ScheduleResult Solve(SchedulingProblem problem, SolverOptions options, IProgress<ScheduleProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var index = new SchedulingIndex(problem);
        if (Infeasibility(index) is { } reason)
        {
            return new ScheduleResult(ScheduleStatus.Infeasible, [], problem.Meetings.Select(m => m.Id).ToList(), 0, 0, 0, clock.Elapsed.TotalSeconds, reason);
        }

        var heuristic = GreedyScheduler.Place(index, HeuristicOrder(problem), gapAware: true);
        if (options.TimeLimitSeconds < HeuristicOnlySeconds)
        {
            return ScheduleResults.From(index, heuristic, ScheduleStatus.Feasible, index.SimpleBound, clock.Elapsed.TotalSeconds);
        }

        var model = new SchedulingCpModel(index);
        model.Hint(heuristic);

        // Phase 1: the most weight.
        var phaseOne = model.SolveWeight(options, options.TimeLimitSeconds * 0.7, progress, clock, ct);
        if (phaseOne.Status == CpSolverStatus.Infeasible)
        {
            return new ScheduleResult(ScheduleStatus.Infeasible, [], problem.Meetings.Select(m => m.Id).ToList(), 0, 0, 0, clock.Elapsed.TotalSeconds,
                "The required and fixed meetings cannot all be placed together: participants, slots or tables run out.");
        }

        if (phaseOne.Solution is null)
        {
            var solverBound = phaseOne.Bound > 0 ? Math.Min(phaseOne.Bound, index.SimpleBound) : index.SimpleBound;
            return ScheduleResults.From(index, heuristic, ScheduleStatus.Feasible, solverBound, clock.Elapsed.TotalSeconds);
        }

        var weightProven = phaseOne.Status == CpSolverStatus.Optimal;
        var best = phaseOne.Solution;
        // Early in the search CP-SAT's bound can be looser than the plain sum of placeable weights.
        var bound = weightProven ? phaseOne.Weight : Math.Min(phaseOne.Bound, index.SimpleBound);

        // Phase 2: hold the weight, fewest idle gaps.
        var remaining = options.TimeLimitSeconds - clock.Elapsed.TotalSeconds;
        var gapsProven = false;
        if (remaining > 0.1 && !ct.IsCancellationRequested)
        {
            var phaseTwo = model.SolveGaps(phaseOne.Weight, best, options with { TimeLimitSeconds = remaining }, ct);
            if (phaseTwo.Solution is not null)
            {
                best = phaseTwo.Solution;
                gapsProven = phaseTwo.Status == CpSolverStatus.Optimal;
            }
        }

        var status = weightProven && gapsProven ? ScheduleStatus.Optimal : ScheduleStatus.Feasible;
        return ScheduleResults.From(index, best, status, bound, clock.Elapsed.TotalSeconds);
    }

    private static List<int> HeuristicOrder(SchedulingProblem problem) =>
        Enumerable.Range(0, problem.Meetings.Count)
            .OrderByDescending(m => problem.Meetings[m].Fixed is not null)
            .ThenByDescending(m => problem.Meetings[m].Required)
            .ThenByDescending(m => problem.Meetings[m].Weight)
            .ThenBy(m => m).ToList();

    /// <summary>The plain reasons a set of required meetings can never fit, found before any search.</summary>
    internal static string? Infeasibility(SchedulingIndex index)
    {
        var problem = index.Problem;
        var mustPlace = Enumerable.Range(0, problem.Meetings.Count).Where(m => problem.Meetings[m].Required || problem.Meetings[m].Fixed is not null).ToList();
        var impossible = mustPlace.Where(m => index.Unplaceable[m] is not null).ToList();
        if (impossible.Count > 0)
        {
            return string.Join(" ", impossible.Select(m => $"Required meeting '{problem.Meetings[m].Id}' cannot be placed: {index.Unplaceable[m]}."));
        }

        foreach (var participant in problem.Participants.Select((p, i) => (p, i)))
        {
            var required = mustPlace.Where(m => index.MeetingParticipants[m].Contains(participant.i)).ToList();
            var slots = required.SelectMany(m => index.Candidates[m]).Distinct().Count();
            if (required.Count > slots)
            {
                return $"Participant '{participant.p.Id}' has {required.Count} required meetings but only {slots} slot(s) in which any of them can take place.";
            }
        }

        return null;
    }
}

/// <summary>The CP-SAT model: one boolean per meeting and candidate slot.</summary>
internal sealed class SchedulingCpModel
{
    private readonly SchedulingIndex _index;
    private readonly CpModel _model = new();
    private readonly Dictionary<(int Meeting, int Slot), BoolVar> _x = [];
    private readonly LinearExpr _weight;
    private readonly LinearExpr _gaps;

    public SchedulingCpModel(SchedulingIndex index)
    {
        _index = index;
        var problem = index.Problem;
        var scheduled = new List<(BoolVar Var, long Weight)>();
        for (var m = 0; m < problem.Meetings.Count; m++)
        {
            var vars = index.Candidates[m].Select(s => _x[(m, s)] = _model.NewBoolVar($"x_{m}_{s}")).ToList();
            if (vars.Count == 0)
            {
                continue;
            }

            var placed = _model.NewBoolVar($"placed_{m}");
            _model.Add(LinearExpr.Sum(vars) == placed);
            if (problem.Meetings[m].Required || problem.Meetings[m].Fixed is not null)
            {
                _model.Add(placed == 1);
            }

            scheduled.Add((placed, problem.Meetings[m].Weight));
        }

        _weight = LinearExpr.WeightedSum(scheduled.Select(s => s.Var), scheduled.Select(s => s.Weight));

        // Nobody in two places at once.
        foreach (var group in _x.SelectMany(kv => index.MeetingParticipants[kv.Key.Meeting].Select(p => (p, kv.Key.Slot, kv.Value))).GroupBy(t => (t.p, t.Slot)))
        {
            if (group.Count() > 1)
            {
                _model.AddAtMostOne(group.Select(t => t.Value));
            }
        }

        if (problem.HasLocations)
        {
            // A forced table holds one meeting a slot; all meetings of a slot together need at most as many tables as there are.
            foreach (var group in _x.Where(kv => index.ForcedLocation[kv.Key.Meeting] is not null).GroupBy(kv => (index.ForcedLocation[kv.Key.Meeting], kv.Key.Slot)))
            {
                if (group.Count() > 1)
                {
                    _model.AddAtMostOne(group.Select(kv => kv.Value));
                }
            }

            foreach (var group in _x.GroupBy(kv => kv.Key.Slot))
            {
                if (group.Count() > index.LocationCount)
                {
                    _model.Add(LinearExpr.Sum(group.Select(kv => kv.Value)) <= index.LocationCount);
                }
            }
        }

        _gaps = BuildGapTerms();
    }

    public void Hint(IReadOnlyDictionary<int, int> slotOfMeeting)
    {
        foreach (var ((meeting, slot), x) in _x)
        {
            _model.AddHint(x, slotOfMeeting.TryGetValue(meeting, out var s) && s == slot);
        }
    }

    public PhaseResult SolveWeight(SolverOptions options, double seconds, IProgress<ScheduleProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        _model.Maximize(_weight);
        var result = Run(seconds, options.Threads, progress is null ? null : new ProgressCallback(progress, clock), ct);
        return result;
    }

    public PhaseResult SolveGaps(long weight, IReadOnlyDictionary<int, int> start, SolverOptions options, CancellationToken ct)
    {
        _model.ClearHints();
        Hint(start);
        _model.Add(_weight >= weight);
        _model.Minimize(_gaps);
        return Run(options.TimeLimitSeconds, options.Threads, null, ct);
    }

    private PhaseResult Run(double seconds, int threads, CpSolverSolutionCallback? callback, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return new PhaseResult(CpSolverStatus.Unknown, null, 0, 0);
        }

        var solver = new CpSolver { StringParameters = $"max_time_in_seconds:{Math.Max(0.05, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:{Math.Max(1, threads)}" };
        // Stopping keeps the best schedule found so far.
        using var stop = ct.Register(solver.StopSearch);
        var status = callback is null ? solver.Solve(_model) : solver.Solve(_model, callback);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new PhaseResult(status, null, 0, (long)Math.Floor(solver.BestObjectiveBound));
        }

        var solution = _x.Where(kv => solver.BooleanValue(kv.Value)).ToDictionary(kv => kv.Key.Meeting, kv => kv.Key.Slot);
        return new PhaseResult(status, solution, solver.Value(_weight), (long)Math.Floor(solver.BestObjectiveBound + 1e-6));
    }

    /// <summary>Per participant and session: gaps ≥ (last − first + 1) − meetings held, whenever they meet at all.</summary>
    private LinearExpr BuildGapTerms()
    {
        var slots = _index.Problem.Slots;
        var terms = new List<IntVar>();
        var byParticipantSession = _x
            .SelectMany(kv => _index.MeetingParticipants[kv.Key.Meeting].Select(p => (p, kv.Key.Slot, kv.Value)))
            .GroupBy(t => (t.p, slots[t.Slot].Session));
        foreach (var group in byParticipantSession)
        {
            var busyBySlot = group.GroupBy(t => t.Slot).ToDictionary(g => g.Key, g => g.Select(t => t.Value).ToList());
            var lo = busyBySlot.Keys.Min();
            var hi = busyBySlot.Keys.Max();
            if (hi - lo < 2)
            {
                continue; // meetings in at most two adjacent slots never leave a gap
            }

            var first = _model.NewIntVar(lo, hi, "first");
            var last = _model.NewIntVar(lo, hi, "last");
            var count = LinearExpr.Sum(busyBySlot.Values.SelectMany(v => v));
            var any = _model.NewBoolVar("any");
            foreach (var (slot, vars) in busyBySlot)
            {
                foreach (var v in vars)
                {
                    _model.Add(first <= slot).OnlyEnforceIf(v);
                    _model.Add(last >= slot).OnlyEnforceIf(v);
                    _model.AddImplication(v, any);
                }
            }

            var gap = _model.NewIntVar(0, hi - lo, "gap");
            _model.Add(gap >= last - first + 1 - count).OnlyEnforceIf(any);
            terms.Add(gap);
        }

        return terms.Count == 0 ? LinearExpr.Constant(0) : LinearExpr.Sum(terms);
    }

    internal sealed record PhaseResult(CpSolverStatus Status, IReadOnlyDictionary<int, int>? Solution, long Weight, long Bound);

    private sealed class ProgressCallback(IProgress<ScheduleProgress> progress, Stopwatch clock) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback() =>
            progress.Report(new ScheduleProgress((long)Math.Round((double)ObjectiveValue()), (long)Math.Floor((double)BestObjectiveBound() + 1e-6), clock.Elapsed.TotalSeconds));
    }
}
