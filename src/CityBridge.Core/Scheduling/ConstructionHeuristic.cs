using System.Diagnostics;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// Fast schedule builder: required meetings first, then by descending weight, each into the slot that adds the
/// fewest idle gaps; then a repair pass that frees a slot for an unscheduled meeting by moving one blocker.
/// Serves as the CP-SAT warm start and as the answer when there is no time to solve.
/// </summary>
public static class ConstructionHeuristic
{
    /// <summary>Builds a schedule; status is feasible when every required and fixed meeting was placed, unknown otherwise.</summary>
    public static ScheduleResult Schedule(ScheduleProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var index = new CandidateIndex(problem);
        return index.ToConstructedResult(Build(index), clock.Elapsed.TotalSeconds);
    }

    /// <summary>Slot per meeting (-1 unscheduled) for an already indexed problem.</summary>
    internal static int[] Build(CandidateIndex index)
    {
        var board = new PlacementBoard(index);
        var meetings = index.Problem.Meetings;
        var order = Enumerable.Range(0, index.MeetingCount)
            .Where(m => index.CandidateSlots[m].Length > 0)
            .OrderByDescending(m => meetings[m].Fixed is not null)
            .ThenByDescending(m => meetings[m].Required)
            .ThenByDescending(m => index.CanStay[m]) // repair: published meetings first, back in their place
            .ThenByDescending(m => meetings[m].Weight)
            .ThenBy(m => index.CandidateSlots[m].Length) // the least flexible first, while there is room
            .ToList();

        foreach (var m in order)
        {
            var slot = BestSlot(index, board, m);
            if (slot >= 0)
            {
                board.Place(m, slot);
            }
        }

        foreach (var m in order.Where(m => board.SlotOfMeeting[m] < 0))
        {
            TryPlaceByMovingOneBlocker(index, board, m);
        }

        return board.SlotOfMeeting;
    }

    private static int BestSlot(CandidateIndex index, PlacementBoard board, int m)
    {
        if (index.CanStay[m] && board.CanPlace(m, index.CurrentSlot[m]))
        {
            return index.CurrentSlot[m];
        }

        var best = -1;
        var bestCost = int.MaxValue;
        foreach (var slot in index.CandidateSlots[m])
        {
            if (!board.CanPlace(m, slot))
            {
                continue;
            }

            var cost = index.ParticipantsOf[m].Sum(p => AddedGaps(index, board, p, slot));
            if (cost < bestCost)
            {
                (best, bestCost) = (slot, cost);
            }
        }

        return best;
    }

    /// <summary>How many idle gaps the participant's session gains (negative: loses) if it becomes busy in the slot.</summary>
    private static int AddedGaps(CandidateIndex index, PlacementBoard board, int participant, int slot)
    {
        var session = index.SlotSession[slot];
        int first = int.MaxValue, last = -1, busy = 0;
        for (var s = 0; s < index.SlotCount; s++)
        {
            if (index.SlotSession[s] == session && board.IsBusy(participant, s))
            {
                first = Math.Min(first, s);
                last = Math.Max(last, s);
                busy++;
            }
        }

        if (busy == 0)
        {
            return 0;
        }

        var before = last - first + 1 - busy;
        var after = Math.Max(last, slot) - Math.Min(first, slot) + 1 - (busy + 1);
        return after - before;
    }

    private static void TryPlaceByMovingOneBlocker(CandidateIndex index, PlacementBoard board, int m)
    {
        foreach (var slot in index.CandidateSlots[m])
        {
            var blockers = index.ParticipantsOf[m]
                .Select(p => board.OccupantOf(p, slot))
                .Where(b => b >= 0)
                .Distinct()
                .Take(2)
                .ToList();
            if (blockers.Count != 1 || index.Problem.Meetings[blockers[0]].Fixed is not null || index.CurrentSlot[blockers[0]] == slot)
            {
                continue;
            }

            var blocker = blockers[0];
            board.Remove(blocker);
            if (board.CanPlace(m, slot))
            {
                board.Place(m, slot);
                var elsewhere = index.CandidateSlots[blocker].FirstOrDefault(s => s != slot && board.CanPlace(blocker, s), -1);
                if (elsewhere >= 0)
                {
                    board.Place(blocker, elsewhere);
                    return;
                }

                board.Remove(m);
            }

            board.Place(blocker, slot);
        }
    }
}
