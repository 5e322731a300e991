using System.Diagnostics;

namespace CityBridge.Core.Scheduling;

/// <summary>
/// Closes idle gaps without changing which meetings are scheduled (so the weight stays): moves one meeting to
/// another free slot, or swaps a Kempe chain between two slots of one session (the meetings in the two slots that
/// share participants, transitively), which keeps every participant single-booked. Worse moves are taken now and
/// then to leave plateaus; the best schedule seen is returned.
/// </summary>
internal static class IdleGapLocalSearch
{
    // Chance of taking a move that adds one gap; found by trial on the benchmark events.
    private const double UphillChance = 0.02;

    /// <summary>An improved copy of <paramref name="slotOfMeeting"/> (or an equal one), searched for at most the limit or the step count.</summary>
    public static int[] Improve(CandidateIndex index, int[] slotOfMeeting, TimeSpan limit, int maxSteps, CancellationToken cancellationToken)
    {
        var search = new Search(index, slotOfMeeting);
        return search.Run(limit, maxSteps, cancellationToken);
    }

    private sealed class Search
    {
        private readonly CandidateIndex _index;
        private readonly PlacementBoard _board;
        private readonly int[] _sessionStart;
        private readonly int[] _sessionEnd;
        private readonly int[] _movable;
        private readonly bool[] _pinned;
        private readonly HashSet<(int Table, int Slot)> _reserved;
        private readonly Random _random = new(1);

        public Search(CandidateIndex index, int[] slotOfMeeting)
        {
            _index = index;
            _board = new PlacementBoard(index);
            for (var m = 0; m < slotOfMeeting.Length; m++)
            {
                if (slotOfMeeting[m] >= 0)
                {
                    _board.Place(m, slotOfMeeting[m]);
                }
            }

            var sessions = index.SlotSession.DefaultIfEmpty(-1).Max() + 1;
            _sessionStart = Enumerable.Repeat(int.MaxValue, sessions).ToArray();
            _sessionEnd = new int[sessions];
            for (var s = 0; s < index.SlotCount; s++)
            {
                _sessionStart[index.SlotSession[s]] = Math.Min(_sessionStart[index.SlotSession[s]], s);
                _sessionEnd[index.SlotSession[s]] = s;
            }

            // Fixed meetings never move; in repair mode neither do meetings in their published slot, so moves never grow.
            _pinned = Enumerable.Range(0, index.MeetingCount)
                .Select(m => index.Problem.Meetings[m].Fixed is not null || (index.CurrentSlot[m] >= 0 && slotOfMeeting[m] == index.CurrentSlot[m]))
                .ToArray();
            // The published tables of meetings that keep their place: a bound meeting moving there would push them off it.
            _reserved = Enumerable.Range(0, index.MeetingCount)
                .Where(m => index.StayNeedsTable(m) && slotOfMeeting[m] == index.CurrentSlot[m])
                .Select(m => (index.CurrentTable[m], index.CurrentSlot[m]))
                .ToHashSet();
            _reserved.ExceptWith(Enumerable.Range(0, index.MeetingCount)
                .Where(m => slotOfMeeting[m] >= 0 && index.BoundTable[m] != CandidateIndex.AnyTable)
                .Select(m => (index.BoundTable[m], slotOfMeeting[m])));
            _movable = Enumerable.Range(0, index.MeetingCount)
                .Where(m => slotOfMeeting[m] >= 0 && !_pinned[m] && index.CandidateSlots[m].Length > 1)
                .ToArray();
        }

        public int[] Run(TimeSpan limit, int maxSteps, CancellationToken cancellationToken)
        {
            var best = (int[])_board.SlotOfMeeting.Clone();
            var current = Enumerable.Range(0, _index.MeetingsOf.Length).Sum(p => Enumerable.Range(0, _sessionStart.Length).Sum(s => Gaps(p, s)));
            var bestGaps = current;
            var clock = Stopwatch.StartNew();
            for (var step = 0; step < maxSteps && bestGaps > 0 && _movable.Length > 0; step++)
            {
                if ((step & 255) == 0 && (clock.Elapsed > limit || cancellationToken.IsCancellationRequested))
                {
                    break;
                }

                var m = _movable[_random.Next(_movable.Length)];
                var candidates = _index.CandidateSlots[m];
                var target = candidates[_random.Next(candidates.Length)];
                var from = _board.SlotOfMeeting[m];
                if (target == from)
                {
                    continue;
                }

                var chain = _index.SlotSession[target] == _index.SlotSession[from] ? KempeChain(m, from, target) : [m];
                if (chain is null || TryMove(chain, from, target) is not { } delta)
                {
                    continue;
                }

                if (delta > 0 && _random.NextDouble() >= Math.Pow(UphillChance, delta))
                {
                    TryMove(chain, target, from); // undo: the reverse move is always possible
                    continue;
                }

                current += delta;
                if (current < bestGaps)
                {
                    bestGaps = current;
                    Array.Copy(_board.SlotOfMeeting, best, best.Length);
                }
            }

            return best;
        }

        /// <summary>The meetings in slots a and b linked by shared participants, starting from m; null when one of them cannot switch.</summary>
        private List<int>? KempeChain(int m, int a, int b)
        {
            var chain = new List<int> { m };
            var seen = new HashSet<int> { m };
            for (var i = 0; i < chain.Count; i++)
            {
                var meeting = chain[i];
                var other = _board.SlotOfMeeting[meeting] == a ? b : a;
                if (_pinned[meeting] || Array.IndexOf(_index.CandidateSlots[meeting], other) < 0)
                {
                    return null;
                }

                foreach (var p in _index.ParticipantsOf[meeting])
                {
                    var occupant = _board.OccupantOf(p, other);
                    if (occupant >= 0 && seen.Add(occupant))
                    {
                        chain.Add(occupant);
                    }
                }
            }

            return chain;
        }

        /// <summary>Switches every chain meeting between slots a and b; returns the change in gaps, or null (board unchanged) when a table rule forbids it.</summary>
        private int? TryMove(List<int> chain, int a, int b)
        {
            var participants = chain.SelectMany(m => _index.ParticipantsOf[m]).Distinct().ToList();
            var sessions = new[] { _index.SlotSession[a], _index.SlotSession[b] }.Distinct().ToArray();
            var before = participants.Sum(p => sessions.Sum(s => Gaps(p, s)));
            var origin = chain.Select(m => _board.SlotOfMeeting[m]).ToArray();
            if (_reserved.Count > 0 && chain.Select((m, i) => (_index.BoundTable[m], origin[i] == a ? b : a)).Any(_reserved.Contains))
            {
                return null;
            }

            foreach (var m in chain)
            {
                _board.Remove(m);
            }

            for (var i = 0; i < chain.Count; i++)
            {
                var destination = origin[i] == a ? b : a;
                if (!_board.CanPlace(chain[i], destination))
                {
                    for (var j = 0; j < i; j++)
                    {
                        _board.Remove(chain[j]);
                    }

                    for (var j = 0; j < chain.Count; j++)
                    {
                        _board.Place(chain[j], origin[j]);
                    }

                    return null;
                }

                _board.Place(chain[i], destination);
            }

            return participants.Sum(p => sessions.Sum(s => Gaps(p, s))) - before;
        }

        private int Gaps(int participant, int session)
        {
            int first = -1, last = -1, busy = 0;
            for (var s = _sessionStart[session]; s <= _sessionEnd[session]; s++)
            {
                if (_index.SlotSession[s] == session && _board.IsBusy(participant, s))
                {
                    first = first < 0 ? s : first;
                    last = s;
                    busy++;
                }
            }

            return busy == 0 ? 0 : last - first + 1 - busy;
        }
    }
}
