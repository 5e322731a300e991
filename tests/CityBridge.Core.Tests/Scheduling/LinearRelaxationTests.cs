using CityBridge.Core.Scheduling;
using FsCheck;
using FsCheck.Xunit;

namespace CityBridge.Core.Tests.Scheduling;

/// <summary>
/// The LP bound that events too large for the full MIP are measured against, and the MIPs restricted to some slots that
/// search near its optimum (MeetingScheduler).
/// </summary>
public class LinearRelaxationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static LinearRelaxationBound.Relaxation Relax(ScheduleProblem problem) =>
        LinearRelaxationBound.Compute(new CandidateIndex(problem), Limit, CancellationToken.None) ?? throw new InvalidOperationException("GLOP did not solve the LP");

    [Fact]
    public void A_required_meeting_that_crowds_out_a_heavier_one_lowers_the_bound()
    {
        // One slot: "a" meets either "b" (weight 5) or "c" (weight 1, required). Every valid schedule has weight 1.
        var problem = new EventBuilder().Slots(1).Tables("T1", "T2")
            .Meeting("ab", "a", "b", weight: 5).Meeting("ac", "a", "c", weight: 1, required: true)
            .Build();

        var relaxed = Relax(problem);

        Assert.Equal(1, relaxed.Bound);
        Assert.Equal(1, MeetingScheduler.Schedule(problem).ScheduledWeight);
    }

    [Fact]
    public void A_shared_own_table_holds_one_meeting_per_slot_in_the_bound()
    {
        // Two people of one provider share its table: in one slot only one of their meetings can sit there.
        var problem = new EventBuilder().Slots(1).Tables("T1", "T2", "T3")
            .Participant("a", ownTable: "T1").Participant("d", ownTable: "T1")
            .Meeting("ab", "a", "b", weight: 2).Meeting("dc", "d", "c", weight: 3)
            .Build();

        Assert.Equal(3, Relax(problem).Bound);
    }

    [Property(MaxTest = 25)]
    public void The_bound_is_never_below_a_proven_maximum_weight_and_its_support_covers_an_integral_optimum(PositiveInt seed)
    {
        var problem = EventGenerator.Generate(new EventShape(Participants: 8, Requests: 14, Slots: 4, Tables: 2, Sessions: 1, Seed: seed.Get));

        var relaxed = Relax(problem);
        var result = MeetingScheduler.Schedule(problem, new SchedulerOptions { TimeLimit = Limit, Threads = 1 });

        Assert.True(relaxed.Bound >= result.ScheduledWeight, $"LP bound {relaxed.Bound} below the weight {result.ScheduledWeight}");
        var index = new CandidateIndex(problem);
        for (var m = 0; m < index.MeetingCount; m++)
        {
            Assert.All(relaxed.Support[m], s => Assert.Contains(s, index.CandidateSlots[m]));
            Assert.True(!relaxed.Settled[m] || relaxed.Support[m].Length == 1, "a settled meeting sits wholly in one slot");
        }
    }

    [Fact]
    public void A_restricted_MIP_places_each_meeting_only_in_the_slots_allowed_to_it()
    {
        var problem = new EventBuilder().Slots(3).Tables("T1")
            .Meeting("ab", "a", "b", weight: 2).Meeting("cd", "c", "d", weight: 1)
            .Build();
        var index = new CandidateIndex(problem);
        // Only the last slot for "ab", only the first for "cd".
        int[][] allowed = [[2], [0]];

        using var mip = AggregatedMip.Create(index, AggregatedMip.EventCapacity(index), allowed)!;
        var outcome = mip.MaximiseWeight(Limit, CancellationToken.None);

        Assert.Equal(AggregatedMip.MipStatus.Optimal, outcome.Status);
        Assert.Equal([2, 0], outcome.Slots);
        Assert.Equal(3, outcome.Value);
    }
}
