using CityBridge.Core.Scheduling;

namespace CityBridge.Core.Tests.Scheduling;

/// <summary>Builds small random events (deterministic by seed) and solves them exhaustively for comparison.</summary>
internal static class TinyEvents
{
    public static SchedulingProblem Random(int seed, int participants = 5, int meetings = 6, int slots = 4, bool tables = true)
    {
        var random = new Random(seed);
        var slotList = Enumerable.Range(0, slots).Select(i => new Slot($"s{i}", new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero).AddMinutes(20 * i), new DateTimeOffset(2026, 2, 10, 9, 20, 0, TimeSpan.Zero).AddMinutes(20 * i), i < slots / 2 + 1 ? "am" : "pm")).ToList();
        var people = Enumerable.Range(0, participants).Select(i => new Participant($"p{i}",
            random.Next(4) == 0 ? slotList.Where(_ => random.Next(3) > 0).Select(s => s.Id).ToHashSet() : null,
            tables && random.Next(5) == 0 ? $"T{random.Next(2)}" : null)).ToList();
        var list = new List<Meeting>();
        for (var m = 0; m < meetings; m++)
        {
            var a = random.Next(participants);
            var b = (a + 1 + random.Next(participants - 1)) % participants;
            list.Add(new Meeting($"m{m}", [$"p{a}", $"p{b}"], Weight: 1 + random.Next(5)));
        }

        return new SchedulingProblem(slotList, tables ? ["T0", "T1"] : null, people, list);
    }

    /// <summary>The best (weight, then fewest gaps) by trying every placement: each meeting in a slot or left out.</summary>
    public static (long Weight, int Gaps) BruteForce(SchedulingProblem problem)
    {
        var best = (Weight: -1L, Gaps: int.MaxValue);
        var choice = new int[problem.Meetings.Count];
        Recurse(0);
        return best;

        void Recurse(int m)
        {
            if (m == problem.Meetings.Count)
            {
                var assignments = new List<Assignment>();
                for (var i = 0; i < choice.Length; i++)
                {
                    if (choice[i] >= 0)
                    {
                        assignments.Add(new Assignment(problem.Meetings[i].Id, problem.Slots[choice[i]].Id, null));
                    }
                }

                var placed = PlaceTables(problem, assignments);
                if (placed is null || ScheduleValidator.Validate(problem, placed).Count > 0)
                {
                    return;
                }

                var weight = placed.Sum(a => (long)problem.Meetings.First(x => x.Id == a.Meeting).Weight);
                var gaps = IdleGapCounter.Count(problem, placed);
                if (weight > best.Weight || (weight == best.Weight && gaps < best.Gaps))
                {
                    best = (weight, gaps);
                }

                return;
            }

            for (var s = -1; s < problem.Slots.Count; s++)
            {
                choice[m] = s;
                Recurse(m + 1);
            }
        }
    }

    /// <summary>Gives tables: own tables first, then any free one; null when a slot runs out.</summary>
    private static List<Assignment>? PlaceTables(SchedulingProblem problem, List<Assignment> assignments)
    {
        if (!problem.HasLocations)
        {
            return assignments;
        }

        var result = new List<Assignment>();
        foreach (var slot in assignments.GroupBy(a => a.Slot))
        {
            var own = slot.ToDictionary(a => a, a => problem.Meetings.First(m => m.Id == a.Meeting).Participants.Select(p => problem.Participants.First(q => q.Id == p).Location).FirstOrDefault(l => l is not null));
            var free = new Queue<string>(problem.Locations!.Where(l => !own.ContainsValue(l)));
            foreach (var a in slot)
            {
                var table = own[a] ?? (free.Count > 0 ? free.Dequeue() : null);
                if (table is null)
                {
                    return null;
                }

                result.Add(a with { Location = table });
            }
        }

        return result;
    }
}
