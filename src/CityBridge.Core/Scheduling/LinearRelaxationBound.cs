using Google.OrTools.LinearSolver;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// A proven upper bound on the schedulable weight from the linear relaxation of the slot-indexed model (GLOP): each
/// meeting in at most one of its candidate slots (required and fixed ones in exactly one), each participant in at most
/// one meeting per slot, at most as many meetings per slot as tables, and a bound table (a provider's own, a fixed
/// meeting's) once per slot. Relaxing integrality and which of the free tables a meeting gets only widens the feasible
/// set, so the optimum of this LP is never below the best schedule. It is usually far tighter than counting arguments:
/// on the 1,000 / 5,000 benchmark event it is the optimum itself, which the required meetings pull down by 18 from
/// what the LP without them allowed.
/// </summary>
internal static class LinearRelaxationBound
{
    // Values below this are GLOP's rounding noise, not a slot the LP uses.
    private const double SupportThreshold = 1e-6;

    /// <summary>
    /// The floor of the LP optimum; for each meeting the slots the LP optimum uses (its support: where a schedule near
    /// the bound is most likely to place it) and whether the LP settles it (wholly in one slot). Null when GLOP does not
    /// prove the optimum within the time limit.
    /// </summary>
    public sealed record Relaxation(long Bound, int[][] Support, bool[] Settled);

    public static Relaxation? Compute(CandidateIndex index, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (limit <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        using var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
        {
            return null;
        }

        solver.SetTimeLimit((long)limit.TotalMilliseconds);
        var objective = solver.Objective();
        objective.SetMaximization();
        var participantSlot = new Dictionary<(int Participant, int Slot), Constraint>();
        var slotTables = new Constraint?[index.SlotCount];
        var tableSlot = new Dictionary<(int Table, int Slot), Constraint>();
        var choices = new Variable[index.MeetingCount][];
        for (var m = 0; m < index.MeetingCount; m++)
        {
            var slots = index.CandidateSlots[m];
            choices[m] = new Variable[slots.Length];
            if (slots.Length == 0)
            {
                continue;
            }

            var once = solver.MakeConstraint(index.MustSchedule(m) ? 1 : 0, 1);
            for (var i = 0; i < slots.Length; i++)
            {
                var s = slots[i];
                var x = choices[m][i] = solver.MakeNumVar(0, 1, string.Empty);
                objective.SetCoefficient(x, index.Problem.Meetings[m].Weight);
                once.SetCoefficient(x, 1);
                foreach (var p in index.ParticipantsOf[m])
                {
                    if (!participantSlot.TryGetValue((p, s), out var busy))
                    {
                        participantSlot[(p, s)] = busy = solver.MakeConstraint(double.NegativeInfinity, 1);
                    }

                    busy.SetCoefficient(x, 1);
                }

                if (index.TableCount > 0)
                {
                    (slotTables[s] ??= solver.MakeConstraint(double.NegativeInfinity, index.TableCount)).SetCoefficient(x, 1);
                    if (index.BoundTable[m] != CandidateIndex.AnyTable)
                    {
                        // A provider's own table (or a fixed meeting's) holds one meeting per slot.
                        if (!tableSlot.TryGetValue((index.BoundTable[m], s), out var table))
                        {
                            tableSlot[(index.BoundTable[m], s)] = table = solver.MakeConstraint(double.NegativeInfinity, 1);
                        }

                        table.SetCoefficient(x, 1);
                    }
                }
            }
        }

        using var stop = cancellationToken.Register(() => solver.InterruptSolve());
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        var values = choices.Select(xs => xs.Select(x => x.SolutionValue()).ToArray()).ToArray();
        var support = index.CandidateSlots.Select((slots, m) => slots.Where((_, i) => values[m][i] > SupportThreshold).ToArray()).ToArray();
        var settled = values.Select(v => v.All(x => x < SupportThreshold || x > 1 - SupportThreshold) && v.Sum() > 1 - SupportThreshold).ToArray();
        // A tiny tolerance: GLOP's optimum is exact to about 1e-9 relative, and weights are integers.
        return new Relaxation((long)Math.Floor(objective.Value() + 1e-6), support, settled);
    }
}
