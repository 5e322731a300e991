using CityBridge.Core.Scheduling;

namespace CityBridge.Core.Tests.Scheduling;

/// <summary>Builds small hand-made events for focused tests: slots s1..sN in one session unless told otherwise.</summary>
internal sealed class EventBuilder
{
    private static readonly DateTimeOffset Start = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly List<Slot> _slots = [];
    private readonly List<Location> _locations = [];
    private readonly List<Participant> _participants = [];
    private readonly List<Meeting> _meetings = [];

    public EventBuilder Slots(int count, string session = "am")
    {
        for (var i = 0; i < count; i++)
        {
            var start = Start.AddMinutes(20 * _slots.Count);
            _slots.Add(new Slot($"s{_slots.Count + 1}", start, start.AddMinutes(20), session));
        }

        return this;
    }

    public EventBuilder Tables(params string[] ids)
    {
        _locations.AddRange(ids.Select(id => new Location(id)));
        return this;
    }

    public EventBuilder Participant(string id, string[]? available = null, string? ownTable = null)
    {
        _participants.Add(new Participant(id, available, ownTable));
        return this;
    }

    public EventBuilder Meeting(string id, string a, string b, int weight = 1, bool required = false, string[]? allowed = null, FixedPlacement? pinned = null)
    {
        foreach (var p in new[] { a, b }.Where(p => _participants.All(x => x.Id != p)))
        {
            _participants.Add(new Participant(p));
        }

        _meetings.Add(new Meeting(id, [a, b], weight, required, allowed, pinned));
        return this;
    }

    public ScheduleProblem Build() => new(_slots, _locations, _participants, _meetings);
}
