namespace CityBridge.Core.Scheduling;

/// <summary>
/// The problem in integer indexes for the solvers: per meeting the slots it can take and the one table it
/// is bound to (own table or fixed location), if any. Meetings without a bound table share the free tables.
/// </summary>
internal sealed class CandidateIndex
{
    /// <summary>Marks a meeting that may use any table.</summary>
    public const int AnyTable = -1;

    public CandidateIndex(ScheduleProblem problem)
    {
        Problem = problem;
        var slotIndex = Index(problem.Slots.Select(s => s.Id));
        var locationIndex = Index(problem.Locations.Select(l => l.Id));
        var participantIndex = Index(problem.Participants.Select(p => p.Id));

        SlotSession = SessionNumbers(problem.Slots);
        ParticipantsOf = new int[problem.Meetings.Count][];
        CandidateSlots = new int[problem.Meetings.Count][];
        BoundTable = new int[problem.Meetings.Count];
        CurrentSlot = Enumerable.Repeat(-1, problem.Meetings.Count).ToArray();
        CurrentTable = Enumerable.Repeat(AnyTable, problem.Meetings.Count).ToArray();
        CanStay = new bool[problem.Meetings.Count];
        MeetingsOf = Enumerable.Range(0, problem.Participants.Count).Select(_ => new List<int>()).ToArray();

        var availability = problem.Participants
            .Select(p => p.AvailableSlots is null ? null : p.AvailableSlots.Select(s => slotIndex[s]).ToHashSet())
            .ToArray();

        for (var m = 0; m < problem.Meetings.Count; m++)
        {
            var meeting = problem.Meetings[m];
            ParticipantsOf[m] = meeting.Participants.Select(p => participantIndex[p]).Distinct().ToArray();
            foreach (var p in ParticipantsOf[m])
            {
                MeetingsOf[p].Add(m);
            }

            var tables = ParticipantsOf[m]
                .Select(p => problem.Participants[p].Location)
                .Append(meeting.Fixed?.Location)
                .OfType<string>()
                .Distinct()
                .ToList();
            BoundTable[m] = tables.Count == 1 ? locationIndex[tables[0]] : AnyTable;

            IEnumerable<int> slots = Enumerable.Range(0, problem.Slots.Count);
            if (tables.Count > 1)
            {
                slots = []; // two different own tables (or a pinned table elsewhere) can never meet
            }

            if (meeting.AllowedSlots is { } allowed)
            {
                var allowedSet = allowed.Select(s => slotIndex[s]).ToHashSet();
                slots = slots.Where(allowedSet.Contains);
            }

            if (meeting.Fixed is { } pinned)
            {
                var pinnedSlot = slotIndex[pinned.Slot];
                slots = slots.Where(s => s == pinnedSlot);
            }

            CandidateSlots[m] = slots
                .Where(s => ParticipantsOf[m].All(p => availability[p] is null || availability[p]!.Contains(s)))
                .ToArray();

            if (meeting.Current is { } current && slotIndex.TryGetValue(current.Slot, out var currentSlot))
            {
                CurrentSlot[m] = currentSlot;
                var table = current.Location is not null && locationIndex.TryGetValue(current.Location, out var t) ? t : AnyTable;
                CurrentTable[m] = problem.Locations.Count == 0 ? AnyTable : table;
                // It can keep its place when that slot is still a candidate and its table still exists and fits a bound table.
                var tableFits = problem.Locations.Count == 0 || current.Location is null ||
                    (table != AnyTable && (BoundTable[m] == AnyTable || BoundTable[m] == table));
                CanStay[m] = tableFits && Array.IndexOf(CandidateSlots[m], currentSlot) >= 0;
            }
        }

        HasCurrent = CurrentSlot.Any(s => s >= 0);
    }

    public ScheduleProblem Problem { get; }

    public int SlotCount => Problem.Slots.Count;

    public int MeetingCount => Problem.Meetings.Count;

    public int TableCount => Problem.Locations.Count;

    /// <summary>Session number of each slot; equal numbers are one session.</summary>
    public int[] SlotSession { get; }

    public int[][] ParticipantsOf { get; }

    public List<int>[] MeetingsOf { get; }

    public int[][] CandidateSlots { get; }

    /// <summary>The table index a meeting must use, or <see cref="AnyTable"/>.</summary>
    public int[] BoundTable { get; }

    /// <summary>Slot index of each meeting's published place, -1 when it has none (or names an unknown slot).</summary>
    public int[] CurrentSlot { get; }

    /// <summary>Table index of each meeting's published place, <see cref="AnyTable"/> when only the slot counts.</summary>
    public int[] CurrentTable { get; }

    /// <summary>True when the meeting has a published place it can still take.</summary>
    public bool[] CanStay { get; }

    /// <summary>True when some meeting has a published place (repair mode).</summary>
    public bool HasCurrent { get; }

    /// <summary>
    /// True when keeping the published place needs a table of its own choosing: an unbound meeting with a current table.
    /// A bound meeting's table is decided by the binding, so it stays exactly when it keeps its slot.
    /// </summary>
    public bool StayNeedsTable(int m) => CanStay[m] && TableCount > 0 && CurrentTable[m] != AnyTable && BoundTable[m] == AnyTable;

    public bool MustSchedule(int m) => Problem.Meetings[m].Required || Problem.Meetings[m].Fixed is not null;

    /// <summary>
    /// A cheap proven bound on the scheduled weight: each participant can attend at most as many meetings as it
    /// has distinct candidate slots, and every meeting is counted by at least two participants.
    /// </summary>
    public long CheapUpperBound()
    {
        var total = Enumerable.Range(0, MeetingCount).Where(m => CandidateSlots[m].Length > 0).Sum(m => (long)Problem.Meetings[m].Weight);
        long perParticipant = 0;
        foreach (var meetings in MeetingsOf)
        {
            var reachable = meetings.Where(m => CandidateSlots[m].Length > 0).ToList();
            var capacity = reachable.SelectMany(m => CandidateSlots[m]).Distinct().Count();
            perParticipant += reachable.Select(m => (long)Problem.Meetings[m].Weight).OrderDescending().Take(capacity).Sum();
        }

        var slotCapacity = TableCount == 0 ? long.MaxValue : WeightOfTopMeetings(TableCount * (long)SlotCount);
        return Math.Min(Math.Min(total, perParticipant / 2), slotCapacity);
    }

    /// <summary>Turns per-meeting slot choices into assignments, giving unbound meetings the tables left free in their slot.</summary>
    public ScheduleResult ToResult(int[] slotOfMeeting, ScheduleStatus status, long upperBound, double seconds)
    {
        var scheduled = new List<Assignment>();
        var unscheduled = new List<string>();
        var usedTables = new HashSet<(int Slot, int Table)>();
        for (var m = 0; m < MeetingCount; m++)
        {
            if (slotOfMeeting[m] >= 0 && BoundTable[m] != AnyTable)
            {
                usedTables.Add((slotOfMeeting[m], BoundTable[m]));
            }
        }

        // Meetings left in their published slot get their published table back when no bound meeting took it.
        var keptTable = Enumerable.Repeat(AnyTable, MeetingCount).ToArray();
        for (var m = 0; m < MeetingCount; m++)
        {
            if (StayNeedsTable(m) && slotOfMeeting[m] == CurrentSlot[m] && usedTables.Add((CurrentSlot[m], CurrentTable[m])))
            {
                keptTable[m] = CurrentTable[m];
            }
        }

        var nextFreeTable = new int[SlotCount];
        var moved = new List<string>();
        long weight = 0;
        for (var m = 0; m < MeetingCount; m++)
        {
            var slot = slotOfMeeting[m];
            var meeting = Problem.Meetings[m];
            if (slot < 0)
            {
                unscheduled.Add(meeting.Id);
                if (meeting.Current is not null)
                {
                    moved.Add(meeting.Id);
                }

                continue;
            }

            string? location = null;
            if (TableCount > 0)
            {
                var table = BoundTable[m] != AnyTable ? BoundTable[m] : keptTable[m];
                if (table == AnyTable)
                {
                    while (usedTables.Contains((slot, nextFreeTable[slot])))
                    {
                        nextFreeTable[slot]++;
                    }

                    table = nextFreeTable[slot]++;
                }

                location = Problem.Locations[table].Id;
            }

            weight += meeting.Weight;
            scheduled.Add(new Assignment(meeting.Id, Problem.Slots[slot].Id, location));
            if (meeting.Current is { } current && (current.Slot != Problem.Slots[slot].Id || (current.Location is not null && TableCount > 0 && current.Location != location)))
            {
                moved.Add(meeting.Id);
            }
        }

        var gaps = IdleGapCounter.Count(Problem, scheduled);
        return new ScheduleResult(status, scheduled, unscheduled, weight, gaps, Math.Max(upperBound, weight), seconds) { Moved = moved };
    }

    /// <summary>How many meetings with a published place would keep it (slot, and table where it matters) under these slots.</summary>
    public int Stays(int[] slotOfMeeting) => ToResult(slotOfMeeting, ScheduleStatus.Feasible, 0, 0) is var r
        ? Problem.Meetings.Count(m => m.Current is not null) - r.Moved.Count
        : 0;

    /// <summary>True when every required and fixed meeting has a slot.</summary>
    public bool PlacesEveryMustMeeting(int[] slotOfMeeting) =>
        Enumerable.Range(0, MeetingCount).All(m => !MustSchedule(m) || slotOfMeeting[m] >= 0);

    /// <summary>Result of a construction method: feasible when it placed every must meeting, unknown otherwise, with the cheap bound.</summary>
    public ScheduleResult ToConstructedResult(int[] slotOfMeeting, double seconds) => ToResult(
        slotOfMeeting,
        PlacesEveryMustMeeting(slotOfMeeting) ? ScheduleStatus.Feasible : ScheduleStatus.Unknown,
        CheapUpperBound(),
        seconds);

    private long WeightOfTopMeetings(long count) =>
        Problem.Meetings.Select(m => (long)m.Weight).OrderDescending().Take((int)Math.Min(count, int.MaxValue)).Sum();

    private static Dictionary<string, int> Index(IEnumerable<string> ids) =>
        ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);

    private static int[] SessionNumbers(IReadOnlyList<Slot> slots)
    {
        var numbers = new Dictionary<string, int>();
        return slots.Select(s => numbers.TryGetValue(s.Session, out var n) ? n : numbers[s.Session] = numbers.Count).ToArray();
    }
}
