using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityBridge.Cli.Scheduling;

/// <summary>
/// `citybridge generate event`: a realistic matchmaking event, deterministic by seed. City delegates meet providers;
/// popular providers get more requests; some people are away for part of the day; tables limit each slot.
/// </summary>
internal static class EventGenerator
{
    public static Command Create()
    {
        var participants = new Option<int>("--participants") { Description = "Number of participants (cities and providers).", Required = true };
        var requests = new Option<int>("--requests") { Description = "Number of meeting requests.", Required = true };
        var slots = new Option<int>("--slots") { Description = "Number of meeting slots (default 24).", DefaultValueFactory = _ => 24 };
        var tables = new Option<int?>("--tables") { Description = "Number of tables (default: enough for 40% of participants in a slot)." };
        var sessions = new Option<int>("--sessions") { Description = "Number of sessions the slots are split into (default 4).", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Random seed (default 1).", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--output") { Description = "Where to write EVENT.json.", Required = true };
        var command = new Command("event", "Generate a matchmaking event in the schedule-v1 format.") { participants, requests, slots, tables, sessions, seed, output };
        command.SetAction(async (parse, ct) =>
        {
            var (p, r, s, n) = (parse.GetValue(participants), parse.GetValue(requests), parse.GetValue(slots), parse.GetValue(sessions));
            if (p < 2 || r < 0 || s < 1 || n < 1 || n > s)
            {
                await Console.Error.WriteLineAsync("--participants must be at least 2, --requests not negative, --slots at least 1, --sessions between 1 and --slots.");
                return 2;
            }

            var json = Generate(p, r, s, parse.GetValue(tables) ?? Math.Max(1, (int)(p * 0.4)), n, parse.GetValue(seed));
            await File.WriteAllTextAsync(parse.GetValue(output)!.FullName, json, ct);
            await Console.Error.WriteLineAsync($"Wrote an event with {p} participants and {r} requests to {parse.GetValue(output)!.FullName}");
            return 0;
        });
        return command;
    }

    public static string Generate(int participants, int requests, int slotCount, int tables, int sessions, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7));
        var perSession = (int)Math.Ceiling(slotCount / (double)sessions);
        var slots = Enumerable.Range(0, slotCount).Select(i =>
        {
            var session = i / perSession;
            var begin = start.AddDays(session / 2).AddHours(session % 2 == 0 ? 0 : 4.5).AddMinutes(20 * (i % perSession));
            return new JsonObject { ["id"] = $"s{i:D3}", ["start"] = begin.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), ["end"] = begin.AddMinutes(20).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), ["session"] = $"session-{session + 1}" };
        }).ToList();

        // A third are city delegates, the rest providers; providers' popularity follows a long tail.
        var cityCount = Math.Max(1, participants / 3);
        var people = Enumerable.Range(0, participants).Select(i =>
        {
            var isCity = i < cityCount;
            var person = new JsonObject { ["id"] = isCity ? $"city-{i:D4}" : $"provider-{i - cityCount:D4}" };
            if (random.Next(10) < 2)
            {
                // Away for a block of the agenda.
                var away = random.Next(slotCount);
                person["availableSlots"] = new JsonArray(slots.Where((_, k) => Math.Abs(k - away) > slotCount / 6).Select(sl => (JsonNode)JsonValue.Create(sl["id"]!.GetValue<string>())!).ToArray());
            }

            return person;
        }).ToList();
        var providers = Enumerable.Range(cityCount, participants - cityCount).ToList();
        var popularity = providers.Select((_, k) => 1.0 / (1 + (k * 0.05))).ToArray();
        var total = popularity.Sum();

        var pairs = new HashSet<(int, int)>();
        var meetings = new JsonArray();
        for (var m = 0; m < requests && pairs.Count < cityCount * Math.Max(1, providers.Count); m++)
        {
            int city, provider;
            do
            {
                city = random.Next(cityCount);
                var pick = random.NextDouble() * total;
                var k = 0;
                while (k < providers.Count - 1 && (pick -= popularity[k]) > 0)
                {
                    k++;
                }

                provider = providers.Count == 0 ? (city + 1) % participants : providers[k];
            }
            while (!pairs.Add((city, provider)));

            meetings.Add(new JsonObject
            {
                ["id"] = $"m{m:D5}",
                ["participants"] = new JsonArray(people[city]["id"]!.GetValue<string>(), people[provider]["id"]!.GetValue<string>()),
                ["weight"] = 1 + random.Next(5),
                ["required"] = false,
            });
        }

        var root = new JsonObject
        {
            ["format"] = ScheduleJson.Format,
            ["slots"] = new JsonArray(slots.ToArray<JsonNode>()),
            ["locations"] = new JsonArray(Enumerable.Range(1, tables).Select(t => (JsonNode)new JsonObject { ["id"] = $"T{t:D3}" }).ToArray()),
            ["participants"] = new JsonArray(people.ToArray<JsonNode>()),
            ["meetings"] = meetings,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
