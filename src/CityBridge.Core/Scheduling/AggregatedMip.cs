using Google.OrTools.LinearSolver;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// The weight and move levels as a mixed-integer program on the aggregated model, solved by CBC through OR-Tools'
/// linear solver wrapper: one 0/1 variable per meeting and candidate slot, each participant at most once per slot,
/// at most <c>tables</c> meetings per slot, each bound (own or fixed) table at most once per slot. Tables are
/// interchangeable, so any per-slot count within the capacity gets tables afterwards (<see cref="CandidateIndex.ToResult"/>).
/// On events of a few hundred meetings CBC proves the maximum weight in about a second where CP-SAT, whose LP is weaker
/// on this structure, kept searching for the last unit of weight for tens of seconds.
/// </summary>
internal sealed class AggregatedMip : IDisposable
{
    /// <summary>The backend; SCIP is also built into OR-Tools 9.15 but was 3–5 times slower on the benchmark events.</summary>
    public const string Backend = "CBC";

    private readonly CandidateIndex _index;
    private readonly Solver _solver;
    private readonly (int Slot, Variable Var)[][] _choices;
    private readonly List<(Variable Var, int Meeting)> _stays = [];

    // Values below this are the LP solver's rounding noise, not a slot the relaxation uses.
    private const double SupportThreshold = 1e-6;

    private AggregatedMip(CandidateIndex index, Solver solver, int? capacity, int[][]? allowedSlots, bool integral = true)
    {
        _index = index;
        _solver = solver;
        _choices = new (int, Variable)[index.MeetingCount][];
        var participantSlot = new Dictionary<(int, int), Constraint>();
        var tableSlot = new Dictionary<(int, int), Constraint>();
        var slotCapacity = new Constraint?[index.SlotCount];
        for (var m = 0; m < index.MeetingCount; m++)
        {
            var slots = allowedSlots?[m] ?? index.CandidateSlots[m];
            var once = solver.MakeConstraint(index.MustSchedule(m) ? 1 : 0, 1);
            _choices[m] = new (int, Variable)[slots.Length];
            for (var i = 0; i < slots.Length; i++)
            {
                var s = slots[i];
                var x = integral ? solver.MakeBoolVar(string.Empty) : solver.MakeNumVar(0, 1, string.Empty);
                _choices[m][i] = (s, x);
                once.SetCoefficient(x, 1);
                foreach (var p in index.ParticipantsOf[m])
                {
                    Get(participantSlot, (p, s), 1).SetCoefficient(x, 1);
                }

                if (index.TableCount > 0 && index.BoundTable[m] != CandidateIndex.AnyTable)
                {
                    Get(tableSlot, (index.BoundTable[m], s), 1).SetCoefficient(x, 1);
                }

                if (capacity is { } tables)
                {
                    (slotCapacity[s] ??= solver.MakeConstraint(0, tables)).SetCoefficient(x, 1);
                }
            }

            if (!index.CanStay[m])
            {
                continue;
            }

            var kept = _choices[m].First(c => c.Slot == index.CurrentSlot[m]).Var;
            if (index.StayNeedsTable(m))
            {
                // Staying means the published slot and table: the table must not go to a bound meeting or another stayer.
                var stay = integral ? solver.MakeBoolVar(string.Empty) : solver.MakeNumVar(0, 1, string.Empty);
                var link = solver.MakeConstraint(double.NegativeInfinity, 0);
                link.SetCoefficient(stay, 1);
                link.SetCoefficient(kept, -1);
                Get(tableSlot, (index.CurrentTable[m], index.CurrentSlot[m]), 1).SetCoefficient(stay, 1);
                _stays.Add((stay, m));
            }
            else
            {
                _stays.Add((kept, m));
            }
        }
    }

    /// <summary>
    /// A model with the event's tables, or with <paramref name="tables"/> interchangeable tables (null: unlimited); null
    /// when the backend is missing. <paramref name="allowedSlots"/> narrows each meeting to some of its candidate slots
    /// (which must hold its published slot when it can stay): a restricted model, whose optimum is a good schedule, not a
    /// proven bound.
    /// </summary>
    public static AggregatedMip? Create(CandidateIndex index, int? tables, int[][]? allowedSlots = null)
    {
        var solver = Solver.CreateSolver(Backend);
        return solver is null ? null : new AggregatedMip(index, solver, tables, allowedSlots);
    }

    /// <summary>
    /// The same model without integrality, solved by GLOP (<see cref="LinearRelaxationBound"/>); null when the backend is
    /// missing.
    /// </summary>
    public static AggregatedMip? CreateRelaxation(CandidateIndex index)
    {
        var solver = Solver.CreateSolver("GLOP");
        return solver is null ? null : new AggregatedMip(index, solver, EventCapacity(index), allowedSlots: null, integral: false);
    }

    /// <summary>Capacity as in the event: the number of locations, or none when the event has no locations.</summary>
    public static int? EventCapacity(CandidateIndex index) => index.TableCount > 0 ? index.TableCount : null;

    public sealed record Outcome(MipStatus Status, int[] Slots, long Value, long Bound);

    public enum MipStatus
    {
        Optimal,
        Feasible,
        Infeasible,
        Unknown,
    }

    /// <summary>Maximises the scheduled weight.</summary>
    public Outcome MaximiseWeight(TimeSpan limit, CancellationToken cancellationToken)
    {
        ObjectiveIsWeight();
        return Solve(limit, minimise: false, cancellationToken);
    }

    /// <summary>
    /// Maximises the weight of a model made by <see cref="CreateRelaxation"/>: the floor of the LP optimum and, per
    /// meeting, the slots it uses and whether it settles the meeting wholly in one slot. Null unless proven optimal.
    /// </summary>
    public LinearRelaxationBound.Relaxation? MaximiseRelaxedWeight(TimeSpan limit, CancellationToken cancellationToken)
    {
        ObjectiveIsWeight();
        if (Run(limit, cancellationToken) != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        var values = _choices.Select(choices => choices.Select(c => c.Var.SolutionValue()).ToArray()).ToArray();
        var support = _choices.Select((choices, m) => choices.Where((_, i) => values[m][i] > SupportThreshold).Select(c => c.Slot).ToArray()).ToArray();
        var settled = values.Select(v => v.All(x => x < SupportThreshold || x > 1 - SupportThreshold) && v.Sum() > 1 - SupportThreshold).ToArray();
        // A tiny tolerance: GLOP's optimum is exact to about 1e-9 relative, and weights are integers.
        return new LinearRelaxationBound.Relaxation((long)Math.Floor(_solver.Objective().Value() + 1e-6), support, settled);
    }

    /// <summary>Holds the weight at least <paramref name="weight"/> and maximises the meetings that keep their published place.</summary>
    public Outcome MaximiseStays(long weight, TimeSpan limit, CancellationToken cancellationToken)
    {
        HoldWeight(weight);
        var objective = _solver.Objective();
        objective.Clear();
        objective.SetMaximization();
        foreach (var (x, _) in _stays)
        {
            objective.SetCoefficient(x, 1);
        }

        return Solve(limit, minimise: false, cancellationToken);
    }

    public void Dispose() => _solver.Dispose();

    private void HoldWeight(long weight)
    {
        var floor = _solver.MakeConstraint(weight, double.PositiveInfinity);
        ForEachChoice((m, x) => floor.SetCoefficient(x, _index.Problem.Meetings[m].Weight));
    }

    private void ObjectiveIsWeight()
    {
        var objective = _solver.Objective();
        objective.Clear();
        objective.SetMaximization();
        ForEachChoice((m, x) => objective.SetCoefficient(x, _index.Problem.Meetings[m].Weight));
    }

    private Solver.ResultStatus Run(TimeSpan limit, CancellationToken cancellationToken)
    {
        _solver.SetTimeLimit((long)Math.Max(limit.TotalMilliseconds, 1));
        using var stop = cancellationToken.Register(() => _solver.InterruptSolve());
        return _solver.Solve();
    }

    private Outcome Solve(TimeSpan limit, bool minimise, CancellationToken cancellationToken)
    {
        var status = Run(limit, cancellationToken);
        var objective = _solver.Objective();
        if (status is Solver.ResultStatus.INFEASIBLE)
        {
            return new Outcome(MipStatus.Infeasible, [], 0, 0);
        }

        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new Outcome(MipStatus.Unknown, [], 0, minimise ? 0 : long.MaxValue);
        }

        var slots = _choices.Select(choices => choices.Where(c => c.Var.SolutionValue() > 0.5).Select(c => c.Slot).DefaultIfEmpty(-1).First()).ToArray();
        var value = (long)Math.Round(objective.Value());
        var proven = status == Solver.ResultStatus.OPTIMAL;
        // Objective coefficients are integers, so the bound rounds towards the feasible side with a small tolerance.
        var bound = proven ? value : minimise ? (long)Math.Ceiling(objective.BestBound() - 1e-6) : (long)Math.Floor(objective.BestBound() + 1e-6);
        return new Outcome(proven ? MipStatus.Optimal : MipStatus.Feasible, slots, value, bound);
    }

    private void ForEachChoice(Action<int, Variable> action)
    {
        for (var m = 0; m < _choices.Length; m++)
        {
            foreach (var (_, x) in _choices[m])
            {
                action(m, x);
            }
        }
    }

    private Constraint Get(Dictionary<(int, int), Constraint> constraints, (int, int) key, double upper)
    {
        if (!constraints.TryGetValue(key, out var constraint))
        {
            constraints[key] = constraint = _solver.MakeConstraint(double.NegativeInfinity, upper);
        }

        return constraint;
    }
}
