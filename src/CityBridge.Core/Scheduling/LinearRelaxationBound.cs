using Google.OrTools.LinearSolver;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// A proven upper bound on the schedulable weight from the linear relaxation of the slot-indexed model (GLOP): each
/// meeting in at most one of its candidate slots, each participant in at most one meeting per slot, at most as many
/// meetings per slot as tables. Relaxing integrality and the table identities only widens the feasible set, so the
/// optimum of this LP is never below the best schedule. It is usually far tighter than counting arguments.
/// </summary>
internal static class LinearRelaxationBound
{
    /// <summary>The floor of the LP optimum, or null when GLOP does not prove it optimal within the time limit.</summary>
    public static long? Compute(CandidateIndex index, TimeSpan limit, CancellationToken cancellationToken)
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
        for (var m = 0; m < index.MeetingCount; m++)
        {
            var slots = index.CandidateSlots[m];
            if (slots.Length == 0)
            {
                continue;
            }

            var once = solver.MakeConstraint(double.NegativeInfinity, 1);
            foreach (var s in slots)
            {
                var x = solver.MakeNumVar(0, 1, string.Empty);
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
                }
            }
        }

        using var stop = cancellationToken.Register(() => solver.InterruptSolve());
        var status = solver.Solve();
        // A tiny tolerance: GLOP's optimum is exact to about 1e-9 relative, and weights are integers.
        return status == Solver.ResultStatus.OPTIMAL ? (long)Math.Floor(objective.Value() + 1e-6) : null;
    }
}
