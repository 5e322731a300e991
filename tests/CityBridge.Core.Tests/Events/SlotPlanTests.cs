using CityBridge.Core.Events;
using NodaTime;

namespace CityBridge.Core.Tests.Events;

public sealed class SlotPlanTests
{
    private static readonly DateTimeZone Singapore = DateTimeZoneProviders.Tzdb["Asia/Singapore"];

    [Fact]
    public void A_morning_is_split_into_slots_with_breaks_and_a_slot_that_would_overrun_is_left_out()
    {
        var morning = new MeetingSession("Morning", new LocalDate(2026, 12, 1), new LocalTime(9, 0), new LocalTime(10, 0));

        var slots = SlotPlan.Generate([morning], slotMinutes: 20, breakMinutes: 5, Singapore);

        // 09:00–09:20, 09:25–09:45; 09:50–10:10 would overrun.
        Assert.Equal(2, slots.Count);
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 1, 0), slots[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 1, 45), slots[1].End);
        Assert.Equal([0, 1], slots.Select(s => s.Index));
    }

    [Fact]
    public void Slots_of_several_sessions_are_numbered_in_time_order()
    {
        var afternoon = new MeetingSession("Afternoon", new LocalDate(2026, 12, 1), new LocalTime(14, 0), new LocalTime(15, 0));
        var morning = new MeetingSession("Morning", new LocalDate(2026, 12, 1), new LocalTime(9, 0), new LocalTime(10, 0));

        var slots = SlotPlan.Generate([afternoon, morning], 30, 0, Singapore);

        Assert.Equal(["Morning", "Morning", "Afternoon", "Afternoon"], slots.Select(s => s.Session));
        Assert.True(slots.Zip(slots.Skip(1)).All(p => p.First.Start < p.Second.Start));
    }

    [Fact]
    public void On_the_day_clocks_go_forward_a_session_holds_the_slots_of_its_real_length()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        // 01:30 to 03:30 local on 14 March 2027 is one real hour: 02:00 to 03:00 does not exist.
        var night = new MeetingSession("Night", new LocalDate(2027, 3, 14), new LocalTime(1, 30), new LocalTime(3, 30));

        var slots = SlotPlan.Generate([night], 30, 0, newYork);

        Assert.Equal(2, slots.Count);
        Assert.Equal(Instant.FromUtc(2027, 3, 14, 6, 30), slots[0].Start);
        Assert.Equal(Instant.FromUtc(2027, 3, 14, 7, 30), slots[1].End);
        Assert.True(slots[0].End <= slots[1].Start);
    }

    [Fact]
    public void Overlapping_short_and_backwards_sessions_are_reported_by_number()
    {
        var day = new LocalDate(2026, 12, 1);
        MeetingSession[] sessions =
        [
            new("A", day, new LocalTime(9, 0), new LocalTime(11, 0)),
            new("B", day, new LocalTime(10, 0), new LocalTime(12, 0)),
            new("C", day, new LocalTime(13, 0), new LocalTime(13, 10)),
            new("D", day, new LocalTime(15, 0), new LocalTime(14, 0)),
        ];

        var problems = SlotPlan.Problems(sessions, 20).ToList();

        Assert.Contains("Session 2 (B) overlaps session 1 (A).", problems);
        Assert.Contains("Session 3 (C) is shorter than one 20-minute slot.", problems);
        Assert.Contains("Session 4 (D) must end after it starts.", problems);
        Assert.Equal(3, problems.Count);
    }
}
