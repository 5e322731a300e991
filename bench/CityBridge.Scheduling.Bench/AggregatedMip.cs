using System.Diagnostics;
using CityBridge.Core.Scheduling;
using Google.OrTools.LinearSolver;

namespace CityBridge.Scheduling.Bench;

/// <summary>
/// The comparison the issue made: the weight level alone as a plain MIP on the aggregated model (one 0/1 variable per
/// meeting and candidate slot, participants at most once per slot, at most `tables` meetings per slot, own or fixed
/// tables at most once per slot), solved by a general MIP backend of OR-Tools' linear solver wrapper.
/// </summary>
internal static class AggregatedMip
{
    public sealed record Outcome(string Backend, bool Available, long Weight, long Bound, bool Proven, double Seconds);

    public static Outcome Solve(ScheduleProblem problem, string backend, double timeLimitSeconds, int threads)
    {
        var clock = Stopwatch.StartNew();
        using var solver = Solver.CreateSolver(backend);
        if (solver is null)
        {
            return new Outcome(backend, false, 0, 0, false, 0);
        }

        solver.SetTimeLimit((long)(timeLimitSeconds * 1000));
        if (threads > 0)
        {
            solver.SetNumThreads(threads);
        }

        var slotIndex = problem.Slots.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var participants = problem.Participants.ToDictionary(p => p.Id);
        var objective = solver.Objective();
        objective.SetMaximization();
        var busy = new Dictionary<(string, int), Constraint>();
        var tableBusy = new Dictionary<(string, int), Constraint>();
        var perSlot = new Constraint?[problem.Slots.Count];
        foreach (var meeting in problem.Meetings)
        {
            var tables = meeting.Participants.Select(p => participants[p].Location).Append(meeting.Fixed?.Location).OfType<string>().Distinct().ToList();
            if (tables.Count > 1)
            {
                continue;
            }

            var slots = Enumerable.Range(0, problem.Slots.Count)
                .Where(s => meeting.AllowedSlots is null || meeting.AllowedSlots.Contains(problem.Slots[s].Id))
                .Where(s => meeting.Fixed is null || slotIndex[meeting.Fixed.Slot] == s)
                .Where(s => meeting.Participants.All(p => participants[p].AvailableSlots is not { } a || a.Contains(problem.Slots[s].Id)))
                .ToList();
            var once = solver.MakeConstraint(meeting.Required || meeting.Fixed is not null ? 1 : 0, 1);
            foreach (var s in slots)
            {
                var x = solver.MakeBoolVar(string.Empty);
                objective.SetCoefficient(x, meeting.Weight);
                once.SetCoefficient(x, 1);
                foreach (var p in meeting.Participants)
                {
                    Get(busy, (p, s), solver, 1).SetCoefficient(x, 1);
                }

                if (tables.Count == 1)
                {
                    Get(tableBusy, (tables[0], s), solver, 1).SetCoefficient(x, 1);
                }

                if (problem.HasLocations)
                {
                    (perSlot[s] ??= solver.MakeConstraint(0, problem.Locations.Count)).SetCoefficient(x, 1);
                }
            }
        }

        var status = solver.Solve();
        var found = status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;
        var weight = found ? (long)Math.Round(objective.Value()) : 0;
        var bound = found ? (long)Math.Floor(objective.BestBound() + 1e-6) : 0;
        return new Outcome(backend, true, weight, status == Solver.ResultStatus.OPTIMAL ? weight : bound, status == Solver.ResultStatus.OPTIMAL, clock.Elapsed.TotalSeconds);
    }

    private static Constraint Get<TKey>(Dictionary<TKey, Constraint> constraints, TKey key, Solver solver, double upper)
        where TKey : notnull
    {
        if (!constraints.TryGetValue(key, out var constraint))
        {
            constraints[key] = constraint = solver.MakeConstraint(0, upper);
        }

        return constraint;
    }
}
