namespace CityBridge.Core.Scheduling;

/// <summary>Mutable occupancy of participants and tables while a construction heuristic places meetings one by one.</summary>
internal sealed class PlacementBoard
{
    private readonly CandidateIndex _index;
    private readonly int[,] _occupant; // meeting index per (participant, slot), -1 when free
    private readonly bool[,] _tableBusy;
    private readonly int[] _tablesInUse;

    public PlacementBoard(CandidateIndex index)
    {
        _index = index;
        _occupant = new int[index.Problem.Participants.Count, index.SlotCount];
        for (var p = 0; p < _occupant.GetLength(0); p++)
        {
            for (var s = 0; s < index.SlotCount; s++)
            {
                _occupant[p, s] = -1;
            }
        }

        _tableBusy = new bool[Math.Max(index.TableCount, 1), index.SlotCount];
        _tablesInUse = new int[index.SlotCount];
        SlotOfMeeting = Enumerable.Repeat(-1, index.MeetingCount).ToArray();
    }

    /// <summary>Chosen slot per meeting, -1 when unscheduled.</summary>
    public int[] SlotOfMeeting { get; }

    public bool IsBusy(int participant, int slot) => _occupant[participant, slot] >= 0;

    /// <summary>The meeting occupying the participant in the slot, -1 when free.</summary>
    public int OccupantOf(int participant, int slot) => _occupant[participant, slot];

    public bool CanPlace(int m, int slot)
    {
        if (_index.ParticipantsOf[m].Any(p => _occupant[p, slot] >= 0))
        {
            return false;
        }

        if (_index.TableCount == 0)
        {
            return true;
        }

        var table = _index.BoundTable[m];
        return _tablesInUse[slot] < _index.TableCount && (table == CandidateIndex.AnyTable || !_tableBusy[table, slot]);
    }

    public void Place(int m, int slot)
    {
        foreach (var p in _index.ParticipantsOf[m])
        {
            _occupant[p, slot] = m;
        }

        if (_index.TableCount > 0)
        {
            _tablesInUse[slot]++;
            if (_index.BoundTable[m] != CandidateIndex.AnyTable)
            {
                _tableBusy[_index.BoundTable[m], slot] = true;
            }
        }

        SlotOfMeeting[m] = slot;
    }

    public void Remove(int m)
    {
        var slot = SlotOfMeeting[m];
        foreach (var p in _index.ParticipantsOf[m])
        {
            _occupant[p, slot] = -1;
        }

        if (_index.TableCount > 0)
        {
            _tablesInUse[slot]--;
            if (_index.BoundTable[m] != CandidateIndex.AnyTable)
            {
                _tableBusy[_index.BoundTable[m], slot] = false;
            }
        }

        SlotOfMeeting[m] = -1;
    }
}
