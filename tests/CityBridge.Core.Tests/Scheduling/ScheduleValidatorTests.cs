using CityBridge.Core.Scheduling;

namespace CityBridge.Core.Tests.Scheduling;

public class ScheduleValidatorTests
{
    // Three slots, two tables; 'c' keeps its own table T2, 'b' is away in s3, m3 may only use s1, m4 is published at s2/T1.
    private static readonly ScheduleProblem Event = new EventBuilder()
        .Slots(3)
        .Tables("T1", "T2")
        .Participant("a")
        .Participant("b", available: ["s1", "s2"])
        .Participant("c", ownTable: "T2")
        .Participant("d")
        .Meeting("m1", "a", "b", weight: 2)
        .Meeting("m2", "a", "c")
        .Meeting("m3", "b", "d", allowed: ["s1"])
        .Meeting("m4", "a", "d", pinned: new FixedPlacement("s2", "T1"))
        .Meeting("m5", "c", "d", required: true)
        .Build();

    private static readonly Assignment[] ValidSchedule =
    [
        new("m1", "s1", "T1"),
        new("m4", "s2", "T1"),
        new("m5", "s3", "T2"),
    ];

    [Fact]
    public void A_valid_schedule_has_no_violations()
    {
        var violations = ScheduleValidator.Validate(Event, ValidSchedule, ["m2", "m3"], reportedWeight: 4, reportedIdleGaps: 0);

        Assert.Empty(violations);
    }

    public static TheoryData<string, Assignment[], string> BrokenSchedules => new()
    {
        { "double-booked", [.. ValidSchedule, new("m2", "s1", "T2")], "participant 'a' is double-booked in slot 's1'" },
        { "unavailable", [new("m4", "s2", "T1"), new("m5", "s3", "T2"), new("m1", "s3", "T1")], "participant 'b' is not available in slot 's3'" },
        { "not allowed", [.. ValidSchedule, new("m3", "s2", "T2")], "meeting 'm3' is in slot 's2', which is not among its allowed slots" },
        { "table twice", [new("m1", "s1", "T1"), new("m4", "s2", "T1"), new("m5", "s1", "T2"), new("m3", "s1", "T1")], "location 'T1' is used twice in slot 's1'" },
        { "no table", [new("m1", "s1", null), new("m4", "s2", "T1"), new("m5", "s3", "T2")], "meeting 'm1' has no location although the event has locations" },
        { "own table", [new("m1", "s1", "T1"), new("m4", "s2", "T1"), new("m5", "s3", "T1")], "participant 'c' has its own table 'T2' but meeting 'm5' is at 'T1'" },
        { "fixed moved", [new("m1", "s1", "T1"), new("m4", "s3", "T1"), new("m5", "s2", "T2")], "fixed meeting 'm4' was moved" },
        { "required missing", [new("m1", "s1", "T1"), new("m4", "s2", "T1")], "required meeting 'm5' is not scheduled" },
        { "unknown meeting", [.. ValidSchedule, new("m9", "s1", "T2")], "scheduled meeting 'm9' does not exist" },
        { "unknown slot", [.. ValidSchedule, new("m2", "s9", "T2")], "meeting 'm2' is placed in unknown slot 's9'" },
        { "unknown table", [.. ValidSchedule, new("m3", "s1", "T9")], "meeting 'm3' is at unknown location 'T9'" },
        { "twice", [.. ValidSchedule, new("m1", "s2", "T2")], "meeting 'm1' is scheduled more than once" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchedules))]
    public void Validator_names_each_kind_of_violation(string kind, Assignment[] schedule, string expected)
    {
        var violations = ScheduleValidator.Validate(Event, schedule);

        Assert.True(violations.Any(v => v.Contains(expected, StringComparison.Ordinal)), $"{kind}: expected '{expected}' in [{string.Join("; ", violations)}]");
    }

    [Fact]
    public void Validator_reports_a_location_when_the_event_has_none()
    {
        var noTables = Event with { Locations = [], Participants = Event.Participants.Select(p => p with { Location = null }).ToList() };
        var schedule = new Assignment[] { new("m1", "s1", "T1"), new("m4", "s2", null), new("m5", "s3", null) };

        var violations = ScheduleValidator.Validate(noTables, schedule);

        Assert.Contains("meeting 'm1' has location 'T1' but the event has no locations", violations);
    }

    [Fact]
    public void Validator_reports_wrong_weight_and_idle_gaps_and_lists_every_violation()
    {
        var schedule = new Assignment[] { new("m1", "s1", "T1"), new("m4", "s2", "T1"), new("m5", "s3", "T2"), new("m2", "s1", "T2") };

        var violations = ScheduleValidator.Validate(Event, schedule, ["m3"], reportedWeight: 99, reportedIdleGaps: 7);

        Assert.Contains("reported scheduledWeight 99 does not match the actual weight 5", violations);
        Assert.Contains("reported idleGaps 7 does not match the actual idle gaps 1", violations);
        Assert.Contains(violations, v => v.StartsWith("participant 'a' is double-booked", StringComparison.Ordinal));
        Assert.Equal(3, violations.Count);
    }

    [Fact]
    public void Idle_gaps_count_empty_slots_between_meetings_of_one_session_only()
    {
        var problem = new EventBuilder().Slots(3, "am").Slots(2, "pm")
            .Meeting("m1", "a", "b").Meeting("m2", "a", "c").Meeting("m3", "a", "d").Build();
        Assignment[] schedule = [new("m1", "s1", null), new("m2", "s3", null), new("m3", "s5", null)];

        Assert.Equal(1, IdleGapCounter.Count(problem, schedule));
    }
}
