using CityBridge.Core.Scheduling;
using FsCheck;
using FsCheck.Xunit;

namespace CityBridge.Core.Tests.Scheduling;

public sealed class MeetingSchedulerTests
{
    private static readonly SolverOptions Quick = new(TimeLimitSeconds: 5, Threads: 2);

    private static Slot SlotAt(int i, string session = "am") =>
        new($"s{i}", new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero).AddMinutes(20 * i), new DateTimeOffset(2026, 2, 10, 9, 20, 0, TimeSpan.Zero).AddMinutes(20 * i), session);

    [Property(MaxTest = 30)]
    public bool Every_schedule_the_solver_returns_passes_the_independent_validator(PositiveInt seed)
    {
        var problem = TinyEvents.Random(seed.Get, participants: 6, meetings: 9, slots: 5);
        var result = new MeetingScheduler().Solve(problem, Quick);

        return ScheduleValidator.Validate(problem, result.Scheduled, result.ScheduledWeight, result.IdleGaps).Count == 0;
    }

    [Property(MaxTest = 30)]
    public bool The_greedy_baselines_also_return_valid_schedules(PositiveInt seed)
    {
        var problem = TinyEvents.Random(seed.Get, participants: 8, meetings: 14, slots: 4);
        var firstCome = GreedyScheduler.FirstCome(problem);
        var constructed = GreedyScheduler.Construct(problem);

        return ScheduleValidator.Validate(problem, firstCome.Scheduled, firstCome.ScheduledWeight, firstCome.IdleGaps).Count == 0
            && ScheduleValidator.Validate(problem, constructed.Scheduled, constructed.ScheduledWeight, constructed.IdleGaps).Count == 0;
    }

    [Property(MaxTest = 25)]
    public bool On_tiny_events_CP_SAT_equals_brute_force_on_weight_then_gaps(PositiveInt seed)
    {
        var problem = TinyEvents.Random(seed.Get, participants: 4, meetings: 5, slots: 4);
        var (weight, gaps) = TinyEvents.BruteForce(problem);

        var result = new MeetingScheduler().Solve(problem, Quick);

        return result.Status == ScheduleStatus.Optimal && result.ScheduledWeight == weight && result.IdleGaps == gaps && result.UpperBoundWeight == weight;
    }

    [Fact]
    public void Scheduler_never_double_books_a_participant_and_fills_gaps_first()
    {
        Slot[] slots = [SlotAt(0), SlotAt(1), SlotAt(2)];
        Participant[] people = [new("city"), new("a"), new("b")];
        Meeting[] meetings = [new("m1", ["city", "a"]), new("m2", ["city", "b"])];

        var result = new MeetingScheduler().Solve(new SchedulingProblem(slots, null, people, meetings), Quick);

        Assert.Equal(ScheduleStatus.Optimal, result.Status);
        Assert.Equal(2, result.ScheduledWeight);
        Assert.Equal(0, result.IdleGaps);
        Assert.NotEqual(result.Scheduled[0].Slot, result.Scheduled[1].Slot);
    }

    [Fact]
    public void Heavier_requests_win_when_not_all_fit()
    {
        Participant[] people = [new("city"), new("a"), new("b")];
        Meeting[] meetings = [new("light", ["city", "a"], Weight: 1), new("heavy", ["city", "b"], Weight: 5)];

        var result = new MeetingScheduler().Solve(new SchedulingProblem([SlotAt(0)], null, people, meetings), Quick);

        Assert.Equal(["heavy"], result.Scheduled.Select(a => a.Meeting));
        Assert.Equal(["light"], result.Unscheduled);
        Assert.Equal(5, result.UpperBoundWeight);
    }

    [Fact]
    public void A_fixed_meeting_keeps_its_slot_and_table()
    {
        Participant[] people = [new("city"), new("a"), new("b")];
        Meeting[] meetings = [new("pinned", ["city", "a"], Fixed: new FixedPlace("s1", "T2")), new("other", ["city", "b"], Weight: 9)];

        var result = new MeetingScheduler().Solve(new SchedulingProblem([SlotAt(0), SlotAt(1)], ["T1", "T2"], people, meetings), Quick);

        Assert.Contains(new Assignment("pinned", "s1", "T2"), result.Scheduled);
        Assert.Equal("s0", result.Scheduled.Single(a => a.Meeting == "other").Slot);
    }

    [Fact]
    public void Required_meetings_that_cannot_fit_are_reported_infeasible_with_the_reason()
    {
        Participant[] people = [new("city"), new("a"), new("b")];
        Meeting[] meetings = [new("m1", ["city", "a"], Required: true), new("m2", ["city", "b"], Required: true)];

        var result = new MeetingScheduler().Solve(new SchedulingProblem([SlotAt(0)], null, people, meetings), Quick);

        Assert.Equal(ScheduleStatus.Infeasible, result.Status);
        Assert.Contains("Participant 'city' has 2 required meetings but only 1 slot", result.Reason);
    }

    [Fact]
    public void Tables_limit_how_many_meetings_share_a_slot()
    {
        Participant[] people = Enumerable.Range(0, 6).Select(i => new Participant($"p{i}")).ToArray();
        Meeting[] meetings = [new("m1", ["p0", "p1"]), new("m2", ["p2", "p3"]), new("m3", ["p4", "p5"])];

        var result = new MeetingScheduler().Solve(new SchedulingProblem([SlotAt(0)], ["T1", "T2"], people, meetings), Quick);

        Assert.Equal(2, result.Scheduled.Count);
        Assert.Equal(["T1", "T2"], result.Scheduled.Select(a => a.Location).Order());
    }

    [Fact]
    public void A_very_short_time_limit_answers_with_the_heuristic()
    {
        var problem = TinyEvents.Random(7, participants: 10, meetings: 20, slots: 6);

        var result = new MeetingScheduler().Solve(problem, new SolverOptions(TimeLimitSeconds: 0.05));

        Assert.Equal(ScheduleStatus.Feasible, result.Status);
        Assert.Empty(ScheduleValidator.Validate(problem, result.Scheduled, result.ScheduledWeight, result.IdleGaps));
        Assert.True(result.UpperBoundWeight >= result.ScheduledWeight);
    }

    [Fact]
    public void Cancelling_keeps_the_best_schedule_found()
    {
        var problem = TinyEvents.Random(11, participants: 40, meetings: 150, slots: 8);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = new MeetingScheduler().Solve(problem, new SolverOptions(TimeLimitSeconds: 60), ct: cancel.Token);

        Assert.True(result.ScheduledWeight > 0);
        Assert.Empty(ScheduleValidator.Validate(problem, result.Scheduled, result.ScheduledWeight, result.IdleGaps));
    }
}

public sealed class ScheduleValidatorTests
{
    private static readonly SchedulingProblem Event = new(
        [new("s0", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(20), "am"), new("s1", DateTimeOffset.UnixEpoch.AddMinutes(20), DateTimeOffset.UnixEpoch.AddMinutes(40), "am"), new("s2", DateTimeOffset.UnixEpoch.AddMinutes(40), DateTimeOffset.UnixEpoch.AddMinutes(60), "am")],
        ["T1", "T2"],
        [new("city"), new("a", AvailableSlots: new HashSet<string> { "s1" }), new("b", Location: "T2"), new("c")],
        [new("m1", ["city", "a"]), new("m2", ["city", "b"], Required: true), new("m3", ["c", "a"], AllowedSlots: new HashSet<string> { "s2" }), new("m4", ["city", "c"], Fixed: new FixedPlace("s2", null))]);

    [Fact]
    public void A_correct_schedule_has_no_violation()
    {
        Assignment[] schedule = [new("m1", "s1", "T1"), new("m2", "s0", "T2"), new("m4", "s2", "T1")];

        Assert.Empty(ScheduleValidator.Validate(Event, schedule, 3, 0));
    }

    [Fact]
    public void Every_kind_of_violation_is_reported()
    {
        Assignment[] schedule =
        [
            new("m1", "s0", "T1"), // a is not available in s0
            new("m3", "s0", "T1"), // not allowed in s0, a double-booked, T1 used twice
            new("m4", "s1", null), // fixed moved, no location
            new("m9", "s1", "T1"), // unknown meeting
            new("m1", "s2", "T9"), // scheduled twice, unknown table
        ];

        var violations = ScheduleValidator.Validate(Event, schedule, reportedWeight: 99, reportedIdleGaps: 42);

        Assert.Contains(violations, v => v.Contains("'a' is not available in slot 's0'"));
        Assert.Contains(violations, v => v.Contains("'m3' is in slot 's0', which it does not allow"));
        Assert.Contains(violations, v => v.Contains("'a' is double-booked in slot 's0'"));
        Assert.Contains(violations, v => v.Contains("Location 'T1' is used twice in slot 's0'"));
        Assert.Contains(violations, v => v.Contains("'m4' is fixed at slot 's2'"));
        Assert.Contains(violations, v => v.Contains("'m4' has no location"));
        Assert.Contains(violations, v => v.Contains("'m9' is not in the event"));
        Assert.Contains(violations, v => v.Contains("'m1' is scheduled 2 times"));
        Assert.Contains(violations, v => v.Contains("'T9', which is not a location"));
        Assert.Contains(violations, v => v.Contains("Required meeting 'm2' is not scheduled"));
        Assert.Contains(violations, v => v.Contains("reported scheduled weight 99"));
        Assert.Contains(violations, v => v.Contains("reported idle gaps 42"));
    }

    [Fact]
    public void A_participant_with_an_own_table_meets_only_there()
    {
        var violations = ScheduleValidator.Validate(Event, [new("m2", "s0", "T1")]);

        Assert.Contains(violations, v => v.Contains("own table 'T2'"));
    }

    [Fact]
    public void Idle_gaps_count_empty_slots_between_meetings_within_a_session()
    {
        var gaps = IdleGapCounter.Count(Event, [new("m2", "s0", "T2"), new("m4", "s2", "T1")]);

        Assert.Equal(1, gaps);
    }
}
