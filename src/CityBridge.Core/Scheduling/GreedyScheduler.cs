using System.Diagnostics;

namespace CityBridge.Core.Scheduling;

/// <summary>First-come baseline: meetings in input order, each in its earliest feasible slot. Used for comparison.</summary>
public static class GreedyScheduler
{
    /// <summary>Places meetings in input order; the status is feasible when every required meeting got a place.</summary>
    public static ScheduleResult Schedule(ScheduleProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var index = new CandidateIndex(problem);
        var board = new PlacementBoard(index);
        for (var m = 0; m < index.MeetingCount; m++)
        {
            var slot = index.CandidateSlots[m].FirstOrDefault(s => board.CanPlace(m, s), -1);
            if (slot >= 0)
            {
                board.Place(m, slot);
            }
        }

        return index.ToConstructedResult(board.SlotOfMeeting, clock.Elapsed.TotalSeconds);
    }
}
