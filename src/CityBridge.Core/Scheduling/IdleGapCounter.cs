namespace CityBridge.Core.Scheduling;

/// <summary>Counts idle gaps: for each participant and session, the empty slots between their first and last meeting.</summary>
public static class IdleGapCounter
{
    public static int Count(SchedulingProblem problem, IEnumerable<Assignment> scheduled)
    {
        var slotIndex = problem.Slots.Select((s, i) => (s, i)).ToDictionary(x => x.s.Id, x => x.i);
        var sessionOf = problem.Slots.ToDictionary(s => s.Id, s => s.Session);
        var meetings = problem.Meetings.ToDictionary(m => m.Id);
        var gaps = 0;
        var busy = scheduled
            .SelectMany(a => meetings[a.Meeting].Participants.Select(p => (Participant: p, a.Slot)))
            .GroupBy(x => (x.Participant, Session: sessionOf[x.Slot]));
        foreach (var group in busy)
        {
            var indexes = group.Select(x => slotIndex[x.Slot]).Distinct().ToList();
            var sessionSlots = problem.Slots.Select((s, i) => (s, i)).Where(x => x.s.Session == group.Key.Session && x.i >= indexes.Min() && x.i <= indexes.Max()).Count();
            gaps += sessionSlots - indexes.Count;
        }

        return gaps;
    }
}
