using CityBridge.Core.Scheduling;
using FsCheck;
using FsCheck.Xunit;

namespace CityBridge.Core.Tests.Scheduling;

public class RepairAndTableCountTests
{
    private static readonly SchedulerOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(5), Threads = 1 };

    [Property(MaxTest = 10)]
    public void Re_planning_an_unchanged_event_moves_nothing_and_keeps_the_weight(PositiveInt seed)
    {
        var problem = EventGenerator.Generate(new EventShape(Participants: 12, Requests: 30, Slots: 6, Tables: 3, Sessions: 2, Seed: seed.Get));
        var published = MeetingScheduler.Schedule(problem, Quick);

        var repaired = ScheduleRepair.Repair(problem, published.Scheduled, Quick);

        Assert.Empty(ScheduleValidator.Validate(problem, repaired));
        Assert.Empty(repaired.Moved);
        Assert.Equal(published.ScheduledWeight, repaired.ScheduledWeight);
        Assert.Equal(published.Scheduled.OrderBy(a => a.Meeting), repaired.Scheduled.OrderBy(a => a.Meeting));
    }

    [Property(MaxTest = 10)]
    public void After_a_cancellation_meetings_move_only_when_that_gains_weight(PositiveInt seed)
    {
        var problem = EventGenerator.Generate(new EventShape(Participants: 12, Requests: 30, Slots: 6, Tables: 3, Sessions: 2, Seed: seed.Get));
        var published = MeetingScheduler.Schedule(problem, Quick);
        var cancelled = published.Scheduled[0].Meeting;
        var edited = problem with { Meetings = problem.Meetings.Where(m => m.Id != cancelled).ToList() };

        var repaired = ScheduleRepair.Repair(edited, published.Scheduled, Quick);

        var remaining = published.ScheduledWeight - problem.Meetings.Single(m => m.Id == cancelled).Weight;
        Assert.Empty(ScheduleValidator.Validate(edited, repaired));
        Assert.True(repaired.ScheduledWeight >= remaining);
        if (repaired.ScheduledWeight == remaining)
        {
            Assert.Empty(repaired.Moved); // everything left can stay where it was
        }
    }

    [Fact]
    public void A_new_request_that_only_fits_by_moving_one_meeting_moves_exactly_that_one()
    {
        // 'late' is only available in s1, where a-b was published; a-b can go to s2, so both happen and only a-b moves.
        var problem = new EventBuilder().Slots(3)
            .Participant("late", available: ["s1"])
            .Meeting("ab", "a", "b")
            .Meeting("cd", "c", "d")
            .Meeting("new", "a", "late")
            .Build();
        var published = new[] { new Assignment("ab", "s1", null), new Assignment("cd", "s1", null) };

        var repaired = ScheduleRepair.Repair(problem, published, Quick);

        Assert.Empty(ScheduleValidator.Validate(problem, repaired));
        Assert.Equal(3, repaired.ScheduledWeight);
        Assert.Equal(["ab"], repaired.Moved);
        Assert.Contains(new Assignment("cd", "s1", null), repaired.Scheduled);
        Assert.Equal(["a", "b"], ScheduleRepair.AffectedParticipants(problem, repaired));
        Assert.Equal(ScheduleStatus.Optimal, repaired.Status);
    }

    [Fact]
    public void A_kept_meeting_keeps_its_published_table_too()
    {
        var problem = new EventBuilder().Slots(2).Tables("T1", "T2", "T3")
            .Meeting("ab", "a", "b")
            .Meeting("cd", "c", "d")
            .Build();
        var published = new[] { new Assignment("ab", "s2", "T3"), new Assignment("cd", "s2", "T2") };

        var repaired = ScheduleRepair.Repair(problem, published, Quick);

        Assert.Empty(repaired.Moved);
        Assert.Contains(new Assignment("ab", "s2", "T3"), repaired.Scheduled);
        Assert.Contains(new Assignment("cd", "s2", "T2"), repaired.Scheduled);
    }

    [Fact]
    public void A_meeting_whose_participant_became_unavailable_is_listed_as_moved_and_only_its_people_are_affected()
    {
        var problem = new EventBuilder().Slots(3)
            .Participant("b", available: ["s3"])
            .Meeting("ab", "a", "b")
            .Meeting("cd", "c", "d")
            .Build();
        var published = new[] { new Assignment("ab", "s1", null), new Assignment("cd", "s2", null) };

        var repaired = ScheduleRepair.Repair(problem, published, Quick);

        Assert.Equal(["ab"], repaired.Moved);
        Assert.Contains(new Assignment("ab", "s3", null), repaired.Scheduled);
        Assert.Equal(["b", "a"], ScheduleRepair.AffectedParticipants(problem, repaired));
    }

    [Fact]
    public void Moves_come_after_weight_a_heavier_new_meeting_displaces_a_published_one()
    {
        // One slot: the published a-b (weight 1) and a new a-c (weight 5) cannot both happen; weight wins over keeping.
        var problem = new EventBuilder().Slots(1)
            .Meeting("ab", "a", "b")
            .Meeting("ac", "a", "c", weight: 5)
            .Build();

        var repaired = ScheduleRepair.Repair(problem, [new Assignment("ab", "s1", null)], Quick);

        Assert.Equal(5, repaired.ScheduledWeight);
        Assert.Equal(["ab"], repaired.Moved);
        Assert.Contains("ab", repaired.Unscheduled);
    }

    [Fact]
    public void Four_disjoint_meetings_in_two_slots_need_two_tables_and_one_table_loses_weight()
    {
        var problem = new EventBuilder().Slots(2).Tables("T1", "T2", "T3", "T4", "T5")
            .Meeting("ab", "a", "b")
            .Meeting("cd", "c", "d")
            .Meeting("ef", "e", "f")
            .Meeting("gh", "g", "h", weight: 3)
            .Build();

        var count = TableCounter.Count(problem, Quick);

        Assert.Equal(ScheduleStatus.Optimal, count.Status);
        Assert.Equal(2, count.Tables);
        Assert.Equal(6, count.MaxWeight);
        Assert.Equal(1, count.OneFewerTables);
        Assert.Equal(4, count.OneFewerUpperBoundWeight); // the two heaviest: 3 + 1
    }

    [Fact]
    public void Own_tables_are_never_counted_away()
    {
        // Two providers keep their own tables; one meeting each fits one shared table, but both own tables must exist.
        var problem = new EventBuilder().Slots(2).Tables("P1", "P2", "T1")
            .Participant("p1", ownTable: "P1")
            .Participant("p2", ownTable: "P2")
            .Meeting("p1a", "p1", "a")
            .Meeting("p2b", "p2", "b")
            .Build();

        var count = TableCounter.Count(problem, Quick);

        Assert.Equal(2, count.Tables);
        Assert.Equal(2, count.MaxWeight);
    }

    [Property(MaxTest = 10)]
    public void The_table_count_schedules_the_maximum_weight_and_one_fewer_cannot(PositiveInt seed)
    {
        var problem = EventGenerator.Generate(new EventShape(Participants: 14, Requests: 30, Slots: 4, Tables: 6, Sessions: 1, Seed: seed.Get));
        var count = TableCounter.Count(problem, Quick);
        var unlimited = MeetingScheduler.Schedule(WithTables(problem, 100), Quick);

        var enough = MeetingScheduler.Schedule(WithTables(problem, count.Tables), Quick);

        Assert.Equal(ScheduleStatus.Optimal, count.Status);
        Assert.Equal(unlimited.ScheduledWeight, count.MaxWeight);
        Assert.Equal(count.MaxWeight, enough.ScheduledWeight);
        if (count.OneFewerTables is { } fewer && fewer >= problem.Participants.Count(p => p.Location is not null))
        {
            var short1 = MeetingScheduler.Schedule(WithTables(problem, fewer), Quick);
            Assert.True(short1.ScheduledWeight < count.MaxWeight);
            Assert.True(short1.ScheduledWeight <= count.OneFewerUpperBoundWeight);
        }
    }

    [Property(MaxTest = 15)]
    public void The_idle_gap_bound_is_never_above_the_gaps_and_optimal_means_both_levels_meet_their_bounds(PositiveInt seed, NonNegativeInt size)
    {
        var problem = EventGenerator.Generate(new EventShape(8 + (size.Get % 8), 10 + (size.Get % 20), Slots: 5, Tables: 2 + (size.Get % 3), Sessions: 1, Seed: seed.Get));

        var result = MeetingScheduler.Schedule(problem, Quick);

        Assert.Empty(ScheduleValidator.Validate(problem, result));
        Assert.InRange(result.IdleGapsLowerBound, 0, result.IdleGaps);
        if (result.Status == ScheduleStatus.Optimal)
        {
            Assert.Equal(result.UpperBoundWeight, result.ScheduledWeight);
            Assert.Equal(result.IdleGaps, result.IdleGapsLowerBound);
        }
    }

    [Fact]
    public void A_fixed_meeting_outside_its_participants_availability_is_infeasible_naming_the_participant_and_the_slot()
    {
        var problem = new EventBuilder().Slots(3)
            .Participant("away", available: ["s1", "s2"])
            .Meeting("pinned", "home", "away", pinned: new FixedPlacement("s3", null))
            .Build();

        var result = MeetingScheduler.Schedule(problem, Quick);

        Assert.Equal(ScheduleStatus.Infeasible, result.Status);
        Assert.Contains("participant 'away'", result.InfeasibleReason, StringComparison.Ordinal);
        Assert.Contains("slot 's3'", result.InfeasibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_reports_a_session_whose_slots_are_not_consecutive()
    {
        var problem = new EventBuilder().Slots(1, "am").Slots(1, "pm").Slots(1, "am").Meeting("ab", "a", "b").Build();

        var violations = ScheduleValidator.Validate(problem, [new Assignment("ab", "s1", null)]);

        Assert.Contains(violations, v => v.Contains("session 'am' are not consecutive", StringComparison.Ordinal));
    }

    /// <summary>The event with exactly this many tables: its own tables first, then shared ones.</summary>
    private static ScheduleProblem WithTables(ScheduleProblem problem, int tables)
    {
        var own = problem.Participants.Select(p => p.Location).Concat(problem.Meetings.Select(m => m.Fixed?.Location)).OfType<string>().Distinct().ToList();
        var shared = Enumerable.Range(0, Math.Max(tables - own.Count, 0)).Select(i => $"shared-{i}");
        return problem with { Locations = own.Concat(shared).Select(id => new Location(id)).ToList() };
    }
}
