namespace CityBridge.Core.Scheduling;

/// <summary>Shape of a generated matchmaking event.</summary>
/// <remarks>
/// <paramref name="MaxWeight"/> null draws weights 1–10 (mostly 1–3); a value draws them uniformly from 1 to it.
/// <paramref name="MustShare"/> is the share (0–1) of greedily placed meetings promoted to required or fixed, two thirds required.
/// </remarks>
public sealed record EventShape(int Participants, int Requests, int Slots = 24, int? Tables = null, int Sessions = 4, int Seed = 1, int? MaxWeight = null, double MustShare = 0.03);

/// <summary>
/// Deterministic, realistic test events: city delegates request meetings with providers, popular providers draw
/// more requests, some participants miss sessions, some providers keep their own table, and a few meetings that a
/// greedy pass could place become required or fixed, so the event stays feasible.
/// </summary>
public static class EventGenerator
{
    private static readonly DateTimeOffset FirstDay = new(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>The same shape always yields the same event.</summary>
    public static ScheduleProblem Generate(EventShape shape)
    {
        var random = new Random(shape.Seed);
        var slots = Slots(shape.Slots, Math.Clamp(shape.Sessions, 1, Math.Max(shape.Slots, 1)));
        var tableCount = shape.Tables ?? Math.Max(1, shape.Participants / 5);
        var locations = Enumerable.Range(1, tableCount).Select(i => new Location($"T{i:D4}")).ToList();

        var cityCount = Math.Max(1, shape.Participants * 2 / 5);
        var providerCount = Math.Max(1, shape.Participants - cityCount);
        var participants = new List<Participant>();
        for (var i = 0; i < cityCount; i++)
        {
            participants.Add(new Participant($"city-{i:D5}", Availability(random, slots)));
        }

        // The most popular providers (low numbers) keep their own table, up to a quarter of the tables.
        var ownTables = Math.Min(providerCount, tableCount / 4);
        for (var i = 0; i < providerCount; i++)
        {
            participants.Add(new Participant($"provider-{i:D5}", Availability(random, slots), i < ownTables ? locations[i].Id : null));
        }

        var meetings = Requests(shape, random, cityCount, providerCount);
        var draft = new ScheduleProblem(slots, locations, participants, meetings);
        return PromoteSomePlacedMeetings(draft, random, shape.MustShare);
    }

    private static List<Slot> Slots(int count, int sessions)
    {
        var perSession = (int)Math.Ceiling(count / (double)sessions);
        return Enumerable.Range(0, count).Select(i =>
        {
            var session = i / perSession;
            var day = session / 2;
            var start = FirstDay.AddDays(day).AddHours(session % 2 == 0 ? 0 : 4.5).AddMinutes(20 * (i % perSession));
            return new Slot($"d{day + 1}-{start:HHmm}", start, start.AddMinutes(20), $"d{day + 1}-{(session % 2 == 0 ? "am" : "pm")}");
        }).ToList();
    }

    /// <summary>One participant in five misses one session (when there are several); the rest are available throughout.</summary>
    private static List<string>? Availability(Random random, List<Slot> slots)
    {
        var sessions = slots.Select(s => s.Session).Distinct().ToList();
        if (random.Next(5) != 0 || sessions.Count < 2)
        {
            return null;
        }

        var missed = sessions[random.Next(sessions.Count)];
        return slots.Where(s => s.Session != missed).Select(s => s.Id).ToList();
    }

    private static List<Meeting> Requests(EventShape shape, Random random, int cityCount, int providerCount)
    {
        var meetings = new List<Meeting>();
        var seen = new HashSet<(int City, int Provider)>();
        var attempts = 0;
        while (meetings.Count < shape.Requests && attempts++ < shape.Requests * 20)
        {
            var city = random.Next(cityCount);
            // Squaring a uniform draw favours low provider numbers: a few popular providers, a long tail.
            var u = random.NextDouble();
            var provider = (int)(u * u * providerCount);
            if (!seen.Add((city, provider)))
            {
                continue;
            }

            var weight = shape.MaxWeight is { } max ? 1 + random.Next(Math.Max(max, 1)) : 1 + (random.Next(10) < 7 ? random.Next(3) : random.Next(3, 10));
            meetings.Add(new Meeting($"m{meetings.Count + 1:D6}", [$"city-{city:D5}", $"provider-{provider:D5}"], weight));
        }

        return meetings;
    }

    /// <summary>Marks a share of the greedily placed meetings required (two thirds) and fixed at their greedy place (one third); 3 % by default.</summary>
    private static ScheduleProblem PromoteSomePlacedMeetings(ScheduleProblem draft, Random random, double share)
    {
        var placed = GreedyScheduler.Schedule(draft).Scheduled.ToDictionary(a => a.Meeting);
        var meetings = draft.Meetings.Select(meeting =>
        {
            if (!placed.TryGetValue(meeting.Id, out var at))
            {
                return meeting;
            }

            // One draw per placed meeting whatever the share, so the default share reproduces the earlier events.
            var draw = random.Next(100) / 100.0;
            return draw < share / 3 ? meeting with { Fixed = new FixedPlacement(at.Slot, at.Location) }
                : draw < share ? meeting with { Required = true }
                : meeting;
        }).ToList();
        return draft with { Meetings = meetings };
    }
}
