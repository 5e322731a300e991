namespace CityBridge.Core.Scheduling;

/// <summary>Counts agenda breaks: per participant and session, the empty slots between the first and last meeting.</summary>
public static class IdleGapCounter
{
    /// <summary>Total idle gaps of a schedule; assignments naming unknown meetings or slots are ignored.</summary>
    public static int Count(ScheduleProblem problem, IEnumerable<Assignment> scheduled)
    {
        var slotPosition = new Dictionary<string, int>();
        for (var i = 0; i < problem.Slots.Count; i++)
        {
            slotPosition.TryAdd(problem.Slots[i].Id, i);
        }

        var meetings = problem.Meetings.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        // Distinct busy slot positions per (participant, session): a double booking is not a gap.
        var busy = new Dictionary<(string Participant, string Session), SortedSet<int>>();
        foreach (var assignment in scheduled)
        {
            if (!meetings.TryGetValue(assignment.Meeting, out var meeting) || !slotPosition.TryGetValue(assignment.Slot, out var position))
            {
                continue;
            }

            var session = problem.Slots[position].Session;
            foreach (var participant in meeting.Participants)
            {
                var key = (participant, session);
                if (!busy.TryGetValue(key, out var positions))
                {
                    busy[key] = positions = [];
                }

                positions.Add(position);
            }
        }

        var gaps = 0;
        foreach (var positions in busy.Values)
        {
            // Positions inside one session are consecutive in slot order, so the span counts the slots between.
            gaps += positions.Max - positions.Min + 1 - positions.Count;
        }

        return gaps;
    }
}
