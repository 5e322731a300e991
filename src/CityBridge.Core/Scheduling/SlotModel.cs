using Google.OrTools.Sat;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// The CP-SAT model: one boolean per meeting and candidate slot. Tables are not variables: free tables are an
/// aggregated per-slot capacity and are handed out after solving, which keeps large events small.
/// </summary>
internal sealed class SlotModel
{
    private readonly CandidateIndex _index;
    private readonly (int Slot, BoolVar Var)[][] _choices;
    private readonly Dictionary<int, int> _meetingOfAssumption = [];
    private readonly List<AgendaFlags> _agendas = [];
    private readonly List<BoolVar> _stays = [];
    private readonly List<(BoolVar Stay, int Meeting)> _tableStays = [];
    private LinearExpr? _weight;

    public SlotModel(CandidateIndex index, bool enforceRequiredByAssumption)
    {
        _index = index;
        _choices = new (int, BoolVar)[index.MeetingCount][];
        var byParticipantSlot = new Dictionary<(int Participant, int Slot), List<BoolVar>>();
        var bySlot = new List<BoolVar>[index.SlotCount];
        var byTableSlot = new Dictionary<(int Table, int Slot), List<BoolVar>>();

        for (var m = 0; m < index.MeetingCount; m++)
        {
            _choices[m] = index.CandidateSlots[m].Select(s => (s, Model.NewBoolVar($"x_{m}_{s}"))).ToArray();
            var vars = _choices[m].Select(c => c.Var).ToList();
            if (!index.MustSchedule(m))
            {
                Model.AddAtMostOne(vars);
            }
            else if (enforceRequiredByAssumption)
            {
                var placed = Model.NewBoolVar($"required_{m}");
                Model.Add(LinearExpr.Sum(vars) == 1).OnlyEnforceIf(placed);
                Model.AddAtMostOne(vars);
                Model.AddAssumption(placed);
                _meetingOfAssumption[placed.GetIndex()] = m;
            }
            else
            {
                Model.AddExactlyOne(vars);
            }

            foreach (var (slot, x) in _choices[m])
            {
                foreach (var p in index.ParticipantsOf[m])
                {
                    Add(byParticipantSlot, (p, slot), x);
                }

                (bySlot[slot] ??= []).Add(x);
                if (index.BoundTable[m] != CandidateIndex.AnyTable)
                {
                    Add(byTableSlot, (index.BoundTable[m], slot), x);
                }
            }

            if (index.CanStay[m])
            {
                var kept = _choices[m].First(c => c.Slot == index.CurrentSlot[m]).Var;
                if (index.StayNeedsTable(m))
                {
                    // Staying means the published table too, which no bound meeting or other stayer may then take.
                    var stay = Model.NewBoolVar($"stay_{m}");
                    Model.AddImplication(stay, kept);
                    Add(byTableSlot, (index.CurrentTable[m], index.CurrentSlot[m]), stay);
                    _stays.Add(stay);
                    _tableStays.Add((stay, m));
                }
                else
                {
                    _stays.Add(kept);
                }
            }
        }

        foreach (var vars in byParticipantSlot.Values.Where(v => v.Count > 1))
        {
            Model.AddAtMostOne(vars);
        }

        // Redundant but tightens the LP bound: a participant attends at most one meeting per slot it can use.
        foreach (var group in byParticipantSlot.GroupBy(e => e.Key.Participant))
        {
            var all = group.SelectMany(e => e.Value).ToList();
            var capacity = group.Count();
            if (all.Count > capacity)
            {
                Model.Add(LinearExpr.Sum(all) <= capacity);
            }
        }

        if (index.TableCount > 0)
        {
            // Bound meetings use distinct tables, so "meetings in the slot <= tables" leaves a table for every free meeting.
            foreach (var vars in byTableSlot.Values.Where(v => v.Count > 1))
            {
                Model.AddAtMostOne(vars);
            }

            foreach (var vars in bySlot.Where(v => v is not null && v.Count > index.TableCount))
            {
                Model.Add(LinearExpr.Sum(vars) <= index.TableCount);
            }
        }

        ParticipantSlotVars = byParticipantSlot;
    }

    public CpModel Model { get; } = new();

    public bool IsMaximisingWeight { get; private set; }

    private Dictionary<(int Participant, int Slot), List<BoolVar>> ParticipantSlotVars { get; }

    public void MaximiseWeight()
    {
        _weight = WeightExpression();
        Model.Maximize(_weight);
        IsMaximisingWeight = true;
    }

    /// <summary>
    /// Keeps the weight at least <paramref name="weight"/> and minimises idle gaps. Per participant and session,
    /// "started" and "continues" flags mark slots after the first and before the last meeting; a slot with both
    /// and no meeting is a gap. Returns false when no participant can have a gap.
    /// </summary>
    public bool AddIdleGapObjective(long weight)
    {
        var gaps = new List<BoolVar>();
        foreach (var (participant, meetings) in _index.MeetingsOf.Select((ms, p) => (p, ms)))
        {
            var possibleSlots = meetings.SelectMany(m => _index.CandidateSlots[m]).Distinct().Order().ToList();
            foreach (var session in possibleSlots.GroupBy(s => _index.SlotSession[s]).Where(g => g.Count() > 1))
            {
                gaps.AddRange(GapVariables(participant, session.First(), session.Last()));
            }
        }

        if (gaps.Count == 0)
        {
            return false;
        }

        Model.Add((_weight ?? WeightExpression()) >= weight);
        Model.Minimize(LinearExpr.Sum(gaps));
        IsMaximisingWeight = false;
        return true;
    }

    /// <summary>Keeps at least this many meetings in their published place (repair mode).</summary>
    public void HoldStays(int stays)
    {
        if (_stays.Count > 0 && stays > 0)
        {
            Model.Add(LinearExpr.Sum(_stays) >= stays);
        }
    }

    public void Hint(int[] slotOfMeeting)
    {
        Model.ClearHints();
        for (var m = 0; m < _choices.Length; m++)
        {
            foreach (var (slot, x) in _choices[m])
            {
                Model.AddHint(x, slotOfMeeting[m] == slot);
            }
        }

        var boundTaken = Enumerable.Range(0, _choices.Length)
            .Where(m => slotOfMeeting[m] >= 0 && _index.BoundTable[m] != CandidateIndex.AnyTable)
            .Select(m => (_index.BoundTable[m], slotOfMeeting[m]))
            .ToHashSet();
        foreach (var (stay, m) in _tableStays)
        {
            Model.AddHint(stay, slotOfMeeting[m] == _index.CurrentSlot[m] && !boundTaken.Contains((_index.CurrentTable[m], _index.CurrentSlot[m])));
        }

        // A hint that leaves the gap flags open is not a complete solution, and CP-SAT then starts from far worse ones.
        foreach (var agenda in _agendas)
        {
            var busy = _index.MeetingsOf[agenda.Participant].Select(m => slotOfMeeting[m] - agenda.First).Where(i => i >= 0 && i < agenda.Started.Length).ToHashSet();
            for (var i = 0; i < agenda.Started.Length; i++)
            {
                var started = busy.Any(b => b <= i);
                var continues = busy.Any(b => b >= i);
                Model.AddHint(agenda.Started[i], started);
                Model.AddHint(agenda.Continues[i], continues);
                if (i > 0 && i < agenda.Started.Length - 1)
                {
                    Model.AddHint(agenda.Gaps[i - 1], started && continues && !busy.Contains(i));
                }
            }
        }
    }

    public int[] ReadSlots(CpSolver solver) =>
        _choices.Select(choices => choices.Where(c => solver.BooleanValue(c.Var)).Select(c => c.Slot).DefaultIfEmpty(-1).First()).ToArray();

    public long ReadWeight(CpSolver solver) => ReadSlots(solver)
        .Select((slot, m) => slot >= 0 ? (long)_index.Problem.Meetings[m].Weight : 0)
        .Sum();

    public IReadOnlyList<int> MeetingsOfAssumptions(IEnumerable<int> literalIndexes) =>
        literalIndexes.Select(i => _meetingOfAssumption.TryGetValue(i, out var m) ? m : -1).Where(m => m >= 0).Distinct().ToList();

    private LinearExpr WeightExpression()
    {
        var vars = new List<BoolVar>();
        var weights = new List<long>();
        for (var m = 0; m < _choices.Length; m++)
        {
            foreach (var (_, x) in _choices[m])
            {
                vars.Add(x);
                weights.Add(_index.Problem.Meetings[m].Weight);
            }
        }

        return LinearExpr.WeightedSum(vars, weights);
    }

    private BoolVar[] GapVariables(int participant, int first, int last)
    {
        var busy = new LinearExpr[last - first + 1];
        var started = new BoolVar[busy.Length];
        var continues = new BoolVar[busy.Length];
        for (var i = 0; i < busy.Length; i++)
        {
            busy[i] = ParticipantSlotVars.TryGetValue((participant, first + i), out var vars) ? LinearExpr.Sum(vars) : LinearExpr.Constant(0);
            started[i] = Model.NewBoolVar($"started_{participant}_{first + i}");
            continues[i] = Model.NewBoolVar($"continues_{participant}_{first + i}");
            Model.Add(started[i] >= busy[i]);
            Model.Add(continues[i] >= busy[i]);
            if (i > 0)
            {
                Model.Add(started[i] >= started[i - 1]);
            }
        }

        for (var i = 0; i < busy.Length - 1; i++)
        {
            Model.Add(continues[i] >= continues[i + 1]);
        }

        // The ends are busy or outside the agenda, never gaps; only interior slots get a gap flag.
        var gaps = new BoolVar[Math.Max(busy.Length - 2, 0)];
        for (var i = 1; i < busy.Length - 1; i++)
        {
            gaps[i - 1] = Model.NewBoolVar($"gap_{participant}_{first + i}");
            Model.Add(gaps[i - 1] >= started[i] + continues[i] - 1 - busy[i]);
        }

        _agendas.Add(new AgendaFlags(participant, first, started, continues, gaps));
        return gaps;
    }

    /// <summary>The gap-phase variables of one participant's session, kept for hinting.</summary>
    private sealed record AgendaFlags(int Participant, int First, BoolVar[] Started, BoolVar[] Continues, BoolVar[] Gaps);

    private static void Add<TKey>(Dictionary<TKey, List<BoolVar>> groups, TKey key, BoolVar x)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(x);
    }
}
