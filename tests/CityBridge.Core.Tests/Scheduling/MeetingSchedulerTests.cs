using CityBridge.Core.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CityBridge.Core.Tests.Scheduling;

public class MeetingSchedulerTests
{
    private static readonly SchedulerOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(3), Threads = 1 };

    /// <summary>Small random events from the product's own generator, one per seed and size.</summary>
    private static ScheduleProblem SmallEvent(int seed, int size) => EventGenerator.Generate(new EventShape(
        Participants: 4 + (size % 6),
        Requests: 3 + (size % 9),
        Slots: 3 + (size % 4),
        Tables: 1 + (size % 3),
        Sessions: 1 + (size % 2),
        Seed: seed));

    [Property(MaxTest = 20)]
    public void Every_returned_schedule_passes_the_validator(PositiveInt seed, NonNegativeInt size)
    {
        var problem = SmallEvent(seed.Get, size.Get);

        foreach (var result in new[] { MeetingScheduler.Schedule(problem, Quick), GreedyScheduler.Schedule(problem), ConstructionHeuristic.Schedule(problem) })
        {
            Assert.Empty(ScheduleValidator.Validate(problem, result));
            Assert.True(result.UpperBoundWeight >= result.ScheduledWeight);
        }
    }

    [Property(MaxTest = 15)]
    public void On_tiny_events_the_solver_matches_brute_force_on_weight_and_idle_gaps(PositiveInt seed)
    {
        var problem = EventGenerator.Generate(new EventShape(Participants: 4, Requests: 4, Slots: 3, Tables: 2, Sessions: 1, Seed: seed.Get));

        var result = MeetingScheduler.Schedule(problem, Quick);
        var (bestWeight, fewestGaps) = BruteForce(problem);

        Assert.Equal(ScheduleStatus.Optimal, result.Status);
        Assert.Equal(bestWeight, result.ScheduledWeight);
        Assert.Equal(fewestGaps, result.IdleGaps);
        Assert.Equal(bestWeight, result.UpperBoundWeight);
    }

    [Fact]
    public void The_small_benchmark_event_is_proven_optimal_on_both_objectives()
    {
        // Seconds are measured by the benchmark (docs/benchmarks.md); the budget here leaves room for a Debug build on a busy machine.
        var problem = EventGenerator.Generate(new EventShape(100, 400, Slots: 24, Tables: 20, Seed: 1));

        var result = MeetingScheduler.Schedule(problem, new SchedulerOptions { TimeLimit = TimeSpan.FromSeconds(60) });

        Assert.Empty(ScheduleValidator.Validate(problem, result));
        Assert.Equal(ScheduleStatus.Optimal, result.Status);
        Assert.Equal(result.UpperBoundWeight, result.ScheduledWeight);
        Assert.Equal(0, result.IdleGaps);
    }

    [Property(MaxTest = 10)]
    public void Fixed_meetings_stay_put(PositiveInt seed)
    {
        var problem = EventGenerator.Generate(new EventShape(Participants: 12, Requests: 30, Slots: 6, Tables: 3, Sessions: 2, Seed: seed.Get));

        var result = MeetingScheduler.Schedule(problem, Quick);

        foreach (var meeting in problem.Meetings.Where(m => m.Fixed is not null))
        {
            var placed = Assert.Single(result.Scheduled, a => a.Meeting == meeting.Id);
            Assert.Equal(meeting.Fixed!.Slot, placed.Slot);
            Assert.Equal(meeting.Fixed.Location ?? placed.Location, placed.Location);
        }
    }

    [Fact]
    public void Fixed_meeting_keeps_its_published_slot_even_when_another_is_better()
    {
        var problem = new EventBuilder().Slots(2)
            .Meeting("pinned", "a", "b", pinned: new FixedPlacement("s2", null))
            .Meeting("other", "a", "c", allowed: ["s2"], weight: 5)
            .Build();

        var result = MeetingScheduler.Schedule(problem, Quick);

        Assert.Contains(new Assignment("pinned", "s2", null), result.Scheduled);
        Assert.Equal(["other"], result.Unscheduled);
    }

    [Fact]
    public void Scheduler_never_double_books_a_participant()
    {
        var problem = new EventBuilder().Slots(2)
            .Meeting("m1", "a", "b").Meeting("m2", "a", "c").Meeting("m3", "a", "d")
            .Build();

        var result = MeetingScheduler.Schedule(problem, Quick);

        Assert.Equal(2, result.Scheduled.Count);
        Assert.Equal(2, result.Scheduled.Select(a => a.Slot).Distinct().Count());
        Assert.Equal(ScheduleStatus.Optimal, result.Status);
    }

    [Fact]
    public void Too_many_required_meetings_for_one_participant_are_infeasible_with_the_participant_named()
    {
        var problem = new EventBuilder().Slots(1)
            .Meeting("m1", "a", "b", required: true).Meeting("m2", "a", "c", required: true)
            .Build();

        var result = MeetingScheduler.Schedule(problem, Quick);

        Assert.Equal(ScheduleStatus.Infeasible, result.Status);
        Assert.Contains("participant 'a'", result.InfeasibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_triangle_in_two_slots_is_proven_infeasible_and_the_meetings_are_named()
    {
        // Each participant has two required meetings and two slots, so only search can see the conflict.
        var problem = new EventBuilder().Slots(2)
            .Meeting("ab", "a", "b", required: true).Meeting("bc", "b", "c", required: true).Meeting("ca", "c", "a", required: true)
            .Build();

        var result = MeetingScheduler.Schedule(problem, Quick);

        Assert.Equal(ScheduleStatus.Infeasible, result.Status);
        Assert.Contains("'ab'", result.InfeasibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Participants_with_different_own_tables_cannot_meet()
    {
        var problem = new EventBuilder().Slots(2).Tables("T1", "T2")
            .Participant("a", ownTable: "T1").Participant("b", ownTable: "T2")
            .Meeting("m1", "a", "b")
            .Build();

        var result = MeetingScheduler.Schedule(problem, Quick);

        Assert.Empty(result.Scheduled);
        Assert.Equal(0, result.UpperBoundWeight);
    }

    [Fact]
    public void A_cancelled_solve_still_returns_a_valid_schedule()
    {
        var problem = EventGenerator.Generate(new EventShape(60, 240, Seed: 3));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = MeetingScheduler.Schedule(problem, Quick, cancelled.Token);

        Assert.Equal(ScheduleStatus.Feasible, result.Status);
        Assert.NotEmpty(result.Scheduled);
        Assert.Empty(ScheduleValidator.Validate(problem, result));
    }

    [Fact]
    public void Progress_reports_weight_never_above_the_bound()
    {
        var problem = EventGenerator.Generate(new EventShape(30, 80, Slots: 8, Seed: 5));
        var reports = new List<ScheduleProgress>();

        MeetingScheduler.Schedule(problem, Quick with { Progress = reports.Add });

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.True(r.BestWeight <= r.UpperBoundWeight));
    }

    [Fact]
    public void Generator_is_deterministic_by_seed()
    {
        var shape = new EventShape(40, 120, Seed: 7);

        var first = EventGenerator.Generate(shape);
        var second = EventGenerator.Generate(shape);

        Assert.Equal(Describe(first), Describe(second));
        Assert.NotEqual(Describe(first), Describe(EventGenerator.Generate(shape with { Seed = 8 })));
    }

    private static string Describe(ScheduleProblem problem) => string.Join(
        "\n",
        problem.Participants.Select(p => $"{p.Id} {p.Location} {string.Join(',', p.AvailableSlots ?? [])}")
            .Concat(problem.Meetings.Select(m => $"{m.Id} {string.Join(',', m.Participants)} {m.Weight} {m.Required} {m.Fixed}")));

    /// <summary>Enumerates every (slot, table) choice per meeting, keeps what the validator accepts, returns the lexicographic best.</summary>
    private static (long Weight, int Gaps) BruteForce(ScheduleProblem problem)
    {
        var options = problem.Slots.SelectMany(s => problem.Locations.Select(l => new Assignment("", s.Id, l.Id))).ToList();
        var best = (Weight: -1L, Gaps: int.MaxValue);
        var choice = new int[problem.Meetings.Count]; // -1 unscheduled, else index into options
        Array.Fill(choice, -1);
        while (true)
        {
            var schedule = choice.Select((c, m) => (c, m)).Where(x => x.c >= 0)
                .Select(x => options[x.c] with { Meeting = problem.Meetings[x.m].Id }).ToList();
            if (ScheduleValidator.Validate(problem, schedule).Count == 0)
            {
                var weight = schedule.Sum(a => (long)problem.Meetings.First(m => m.Id == a.Meeting).Weight);
                var gaps = IdleGapCounter.Count(problem, schedule);
                if (weight > best.Weight || (weight == best.Weight && gaps < best.Gaps))
                {
                    best = (weight, gaps);
                }
            }

            var i = 0;
            while (i < choice.Length && ++choice[i] == options.Count)
            {
                choice[i++] = -1;
            }

            if (i == choice.Length)
            {
                return best;
            }
        }
    }
}
