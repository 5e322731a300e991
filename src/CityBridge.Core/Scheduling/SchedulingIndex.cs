namespace CityBridge.Core.Scheduling;

/// <summary>The problem in index form, with each meeting's candidate slots and forced location worked out once.</summary>
internal sealed class SchedulingIndex
{
    public SchedulingIndex(SchedulingProblem problem)
    {
        Problem = problem;
        var slotIndex = problem.Slots.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var participants = problem.Participants.ToDictionary(p => p.Id);
        SlotIndex = slotIndex;
        var participantIndex = problem.Participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        MeetingParticipants = problem.Meetings.Select(m => m.Participants.Select(p => participantIndex[p]).ToArray()).ToArray();
        Candidates = new List<int>[problem.Meetings.Count];
        ForcedLocation = new string?[problem.Meetings.Count];
        Unplaceable = new string?[problem.Meetings.Count];
        for (var m = 0; m < problem.Meetings.Count; m++)
        {
            var meeting = problem.Meetings[m];
            var ownTables = problem.HasLocations
                ? meeting.Participants.Select(p => participants[p].Location).Where(l => l is not null).Distinct().ToList()
                : [];
            if (ownTables.Count > 1)
            {
                Unplaceable[m] = $"its participants have different own tables ({string.Join(", ", ownTables)})";
            }

            ForcedLocation[m] = meeting.Fixed?.Location ?? (ownTables.Count == 1 ? ownTables[0] : null);
            var candidates = problem.Slots.Select((s, i) => (s, i))
                .Where(x => meeting.AllowedSlots is null || meeting.AllowedSlots.Contains(x.s.Id))
                .Where(x => meeting.Participants.All(p => participants[p].IsAvailable(x.s.Id)))
                .Where(x => meeting.Fixed is null || meeting.Fixed.Slot == x.s.Id)
                .Select(x => x.i).ToList();
            if (candidates.Count == 0)
            {
                Unplaceable[m] ??= meeting.Fixed is null ? "no slot suits all its participants" : $"its fixed slot '{meeting.Fixed.Slot}' does not suit all its participants";
            }

            Candidates[m] = Unplaceable[m] is null ? candidates : [];
        }
    }

    public SchedulingProblem Problem { get; }

    public IReadOnlyDictionary<string, int> SlotIndex { get; }

    public int[][] MeetingParticipants { get; }

    public List<int>[] Candidates { get; }

    /// <summary>The table a meeting must use (a participant's own table or its fixed place), if any.</summary>
    public string?[] ForcedLocation { get; }

    /// <summary>Why a meeting can never be scheduled, or null.</summary>
    public string?[] Unplaceable { get; }

    public int LocationCount => Problem.Locations?.Count ?? int.MaxValue;

    /// <summary>A cheap upper bound: every meeting that has a candidate slot.</summary>
    public long SimpleBound => Problem.Meetings.Where((m, i) => Candidates[i].Count > 0).Sum(m => (long)m.Weight);

    /// <summary>Turns chosen slots into assignments, handing free tables to meetings without a forced one.</summary>
    public List<Assignment> Assign(IReadOnlyDictionary<int, int> slotOfMeeting)
    {
        var result = new List<Assignment>();
        foreach (var bySlot in slotOfMeeting.GroupBy(kv => kv.Value))
        {
            var taken = bySlot.Select(kv => ForcedLocation[kv.Key]).Where(l => l is not null).ToHashSet();
            var free = new Queue<string>((Problem.Locations ?? []).Where(l => !taken.Contains(l)));
            foreach (var (meeting, slot) in bySlot.OrderBy(kv => kv.Key))
            {
                var location = Problem.HasLocations ? ForcedLocation[meeting] ?? free.Dequeue() : null;
                result.Add(new Assignment(Problem.Meetings[meeting].Id, Problem.Slots[slot].Id, location));
            }
        }

        return result.OrderBy(a => SlotIndex[a.Slot]).ThenBy(a => a.Meeting, StringComparer.Ordinal).ToList();
    }
}
