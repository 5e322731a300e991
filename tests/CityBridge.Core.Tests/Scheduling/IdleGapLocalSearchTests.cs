using CityBridge.Core.Scheduling;
using FsCheck;
using FsCheck.Xunit;

namespace CityBridge.Core.Tests.Scheduling;

public class IdleGapLocalSearchTests
{
    [Property(MaxTest = 20)]
    public void Local_search_keeps_the_scheduled_meetings_and_fixed_places_and_never_adds_gaps(PositiveInt seed)
    {
        var problem = EventGenerator.Generate(new EventShape(Participants: 20, Requests: 60, Slots: 8, Tables: 4, Sessions: 2, Seed: seed.Get));
        var index = new CandidateIndex(problem);
        var start = ConstructionHeuristic.Build(index);
        var before = index.ToResult(start, ScheduleStatus.Feasible, long.MaxValue, 0);

        var improved = IdleGapLocalSearch.Improve(index, start, TimeSpan.FromSeconds(5), maxSteps: 20_000, CancellationToken.None);
        var after = index.ToResult(improved, ScheduleStatus.Feasible, long.MaxValue, 0);

        Assert.Empty(ScheduleValidator.Validate(problem, after));
        Assert.Equal(before.Scheduled.Select(a => a.Meeting).Order(), after.Scheduled.Select(a => a.Meeting).Order());
        Assert.Equal(before.ScheduledWeight, after.ScheduledWeight);
        Assert.True(after.IdleGaps <= before.IdleGaps, $"{after.IdleGaps} gaps after, {before.IdleGaps} before");
        foreach (var m in Enumerable.Range(0, index.MeetingCount).Where(m => problem.Meetings[m].Fixed is not null))
        {
            Assert.Equal(start[m], improved[m]);
        }
    }

    [Fact]
    public void A_Kempe_chain_swap_closes_a_gap_no_single_move_can()
    {
        // a meets b in slot 0 and c in slot 2, b also meets d in slot 1 and c meets e in slot 1: a has a gap in slot 1.
        // Slot 1 is busy for a's partners b and c, so no single meeting of a can move there; swapping the chain of
        // slots 1 and 2 through c (a–c to slot 1, c–e to slot 2) closes it.
        var slots = Enumerable.Range(0, 3).Select(i => new Slot($"s{i}", DateTimeOffset.UnixEpoch.AddMinutes(20 * i), DateTimeOffset.UnixEpoch.AddMinutes(20 * (i + 1)), "am")).ToList();
        string[] ids = ["a", "b", "c", "d", "e"];
        var participants = ids.Select(id => new Participant(id)).ToList();
        var meetings = new List<Meeting>
        {
            new("ab", ["a", "b"], AllowedSlots: ["s0"]),
            new("ac", ["a", "c"], AllowedSlots: ["s1", "s2"]),
            new("bd", ["b", "d"], AllowedSlots: ["s1"]),
            new("ce", ["c", "e"], AllowedSlots: ["s1", "s2"]),
        };
        var problem = new ScheduleProblem(slots, [], participants, meetings);
        var index = new CandidateIndex(problem);
        int[] start = [0, 2, 1, 1];
        Assert.Equal(1, index.ToResult(start, ScheduleStatus.Feasible, long.MaxValue, 0).IdleGaps);

        var improved = IdleGapLocalSearch.Improve(index, start, TimeSpan.FromSeconds(5), maxSteps: 10_000, CancellationToken.None);

        Assert.Equal([0, 1, 1, 2], improved);
        Assert.Equal(0, index.ToResult(improved, ScheduleStatus.Feasible, long.MaxValue, 0).IdleGaps);
    }
}
