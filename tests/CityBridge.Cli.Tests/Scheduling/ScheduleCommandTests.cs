using System.Text.Json.Nodes;

using static CityBridge.Cli.Tests.CliRunner;

namespace CityBridge.Cli.Tests.Scheduling;

public sealed class ScheduleCommandTests : IDisposable
{
    private static readonly string[] SolvedStatuses = ["optimal", "feasible"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("citybridge-schedule-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Round_trip_writes_a_schedule_that_schedule_validate_accepts()
    {
        var generated = await Run("generate", "event", "--participants", "20", "--requests", "50", "--slots", "6", "--sessions", "2", "--output", File("event.json"));
        var scheduled = await Run("schedule", "--input", File("event.json"), "--output", File("schedule.json"), "--time-limit", "3", "--threads", "1");
        var validated = await Run("schedule", "validate", "--input", File("event.json"), "--schedule", File("schedule.json"));

        Assert.Equal(0, generated.ExitCode);
        Assert.Equal(0, scheduled.ExitCode);
        Assert.Equal(0, validated.ExitCode);
        Assert.Equal("", validated.Output);
        var schedule = JsonNode.Parse(System.IO.File.ReadAllText(File("schedule.json")))!;
        Assert.Equal("schedule-v1", (string?)schedule["format"]);
        Assert.Contains((string?)schedule["status"], SolvedStatuses);
    }

    [Fact]
    public async Task Generator_is_deterministic_by_seed()
    {
        await Run("generate", "event", "--participants", "30", "--requests", "90", "--seed", "4", "--output", File("a.json"));
        await Run("generate", "event", "--participants", "30", "--requests", "90", "--seed", "4", "--output", File("b.json"));
        await Run("generate", "event", "--participants", "30", "--requests", "90", "--seed", "5", "--output", File("c.json"));

        Assert.Equal(System.IO.File.ReadAllText(File("a.json")), System.IO.File.ReadAllText(File("b.json")));
        Assert.NotEqual(System.IO.File.ReadAllText(File("a.json")), System.IO.File.ReadAllText(File("c.json")));
    }

    public static TheoryData<string, string, string> BrokenEvents => new()
    {
        { "unknown participant", "meetings[3].participants[1]", "unknown participant 'acme'" },
        { "zero weight", "meetings[0].weight", "must be a positive integer" },
        { "fractional weight", "meetings[0].weight", "malformed JSON or wrong value type" },
        { "one participant", "meetings[2].participants", "at least 2 participants" },
        { "duplicate slot", "slots[1].id", "duplicate id" },
        { "wrong format", "format", "expected 'schedule-v1'" },
        { "unordered slots", "slots[1].start", "ordered by start" },
        { "unknown allowed slot", "meetings[1].allowedSlots[0]", "unknown slot 'nope'" },
        { "missing meetings", "meetings", "is required" },
    };

    [Theory]
    [MemberData(nameof(BrokenEvents))]
    public async Task Invalid_input_exits_2_naming_the_field(string breakage, string field, string reason)
    {
        await Run("generate", "event", "--participants", "10", "--requests", "12", "--slots", "4", "--output", File("event.json"));
        var document = JsonNode.Parse(System.IO.File.ReadAllText(File("event.json")))!;
        Break(document, breakage);
        System.IO.File.WriteAllText(File("broken.json"), document.ToJsonString());

        var result = await Run("schedule", "--input", File("broken.json"), "--output", File("schedule.json"), "--time-limit", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{field}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_exits_2()
    {
        System.IO.File.WriteAllText(File("broken.json"), "{ \"format\": \"schedule-v1\", \"slots\": [ ");

        var result = await Run("schedule", "--input", File("broken.json"), "--output", File("schedule.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("malformed JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infeasible_required_meetings_exit_3_with_the_reason()
    {
        await Run("generate", "event", "--participants", "10", "--requests", "12", "--slots", "2", "--sessions", "2", "--output", File("event.json"));
        var document = JsonNode.Parse(System.IO.File.ReadAllText(File("event.json")))!;
        var first = (string)document["participants"]![0]!["id"]!;
        var others = document["participants"]!.AsArray().Skip(1).Take(3).Select(p => (string)p!["id"]!).ToList();
        // Three required meetings for one participant in two slots cannot all happen; everyone is available.
        foreach (var participant in document["participants"]!.AsArray())
        {
            participant!["availableSlots"] = null;
        }

        document["meetings"] = new JsonArray(others.Select((other, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"r{i}",
            ["participants"] = new JsonArray(first, other),
            ["required"] = true,
        }).ToArray());
        System.IO.File.WriteAllText(File("infeasible.json"), document.ToJsonString());

        var result = await Run("schedule", "--input", File("infeasible.json"), "--output", File("schedule.json"), "--time-limit", "2");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"participant '{first}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_exits_1_and_lists_violations_of_a_broken_schedule()
    {
        await Run("generate", "event", "--participants", "20", "--requests", "50", "--slots", "6", "--output", File("event.json"));
        await Run("schedule", "--input", File("event.json"), "--output", File("schedule.json"), "--time-limit", "2", "--threads", "1");
        var schedule = JsonNode.Parse(System.IO.File.ReadAllText(File("schedule.json")))!;
        schedule["scheduledWeight"] = 123_456;
        schedule["scheduled"]![0]!["slot"] = "no-such-slot";
        System.IO.File.WriteAllText(File("broken-schedule.json"), schedule.ToJsonString());

        var result = await Run("schedule", "validate", "--input", File("event.json"), "--schedule", File("broken-schedule.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown slot 'no-such-slot'", result.Output, StringComparison.Ordinal);
        Assert.Contains("reported scheduledWeight 123456", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_exits_2_for_an_unreadable_schedule()
    {
        await Run("generate", "event", "--participants", "10", "--requests", "12", "--output", File("event.json"));
        System.IO.File.WriteAllText(File("schedule.json"), "not json");

        var result = await Run("schedule", "validate", "--input", File("event.json"), "--schedule", File("schedule.json"));

        Assert.Equal(2, result.ExitCode);
    }

    private static void Break(JsonNode document, string breakage)
    {
        switch (breakage)
        {
            case "unknown participant": document["meetings"]![3]!["participants"]![1] = "acme"; break;
            case "zero weight": document["meetings"]![0]!["weight"] = 0; break;
            case "fractional weight": document["meetings"]![0]!["weight"] = 2.5; break;
            case "one participant": document["meetings"]![2]!["participants"] = new JsonArray("city-00000"); break;
            case "duplicate slot": document["slots"]![1]!["id"] = (string)document["slots"]![0]!["id"]!; break;
            case "wrong format": document["format"] = "schedule-v2"; break;
            case "unordered slots": document["slots"]![1]!["start"] = "2020-01-01T09:00:00Z"; break;
            case "unknown allowed slot": document["meetings"]![1]!["allowedSlots"] = new JsonArray("nope"); break;
            case "missing meetings": document.AsObject().Remove("meetings"); break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "unknown breakage");
        }
    }

    private string File(string name) => Path.Combine(_folder.FullName, name);
}
