using NodaTime;

namespace CityBridge.Core.Events;

/// <summary>A meeting session of an event: a day and local start and end times in the event's time zone.</summary>
public sealed record MeetingSession(string Name, LocalDate Date, LocalTime Start, LocalTime End);

/// <summary>A generated meeting slot: its number across the event, its instants and its session.</summary>
public sealed record PlannedSlot(int Index, Instant Start, Instant End, string Session);

/// <summary>Splits an event's meeting sessions into slots of a fixed length with a break between them.</summary>
public static class SlotPlan
{
    /// <summary>Slots in time order; a slot that would run past its session's end is left out. Local times in a
    /// daylight-saving gap move forward (the time-zone database's lenient rule).</summary>
    public static IReadOnlyList<PlannedSlot> Generate(IEnumerable<MeetingSession> sessions, int slotMinutes, int breakMinutes, DateTimeZone zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotMinutes, 5);
        ArgumentOutOfRangeException.ThrowIfNegative(breakMinutes);
        var slots = new List<(Instant Start, Instant End, string Session)>();
        foreach (var session in sessions)
        {
            // Work in instants: on a daylight-saving day a session lasts its real length (09:00-12:00 may be two or four hours).
            var start = zone.AtLeniently(session.Date + session.Start).ToInstant();
            var end = zone.AtLeniently(session.Date + session.End).ToInstant();
            var length = Duration.FromMinutes(slotMinutes);
            while (start + length <= end)
            {
                slots.Add((start, start + length, session.Name));
                start += length + Duration.FromMinutes(breakMinutes);
            }
        }

        return slots.OrderBy(s => s.Start).Select((s, i) => new PlannedSlot(i, s.Start, s.End, s.Session)).ToList();
    }

    /// <summary>Problems with a session list, by line number (1-based), for a form or the API.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<MeetingSession> sessions, int slotMinutes)
    {
        for (var i = 0; i < sessions.Count; i++)
        {
            var s = sessions[i];
            if (s.End <= s.Start)
            {
                yield return $"Session {i + 1} ({s.Name}) must end after it starts.";
            }
            else if (s.Start.PlusMinutes(slotMinutes) > s.End)
            {
                yield return $"Session {i + 1} ({s.Name}) is shorter than one {slotMinutes}-minute slot.";
            }

            for (var j = 0; j < i; j++)
            {
                var o = sessions[j];
                if (o.Date == s.Date && s.Start < o.End && o.Start < s.End)
                {
                    yield return $"Session {i + 1} ({s.Name}) overlaps session {j + 1} ({o.Name}).";
                }
            }
        }
    }
}
