using System.Text.Json.Nodes;
using CityBridge.Cli;

namespace CityBridge.Cli.Tests.Scheduling;

[Collection(DataExchange.CliEnvironmentCollection.Name)]
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("citybridge-schedule-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var previous = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (await CliApp.RunAsync(args), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    private async Task<string> WriteAsync(string name, string json)
    {
        await File.WriteAllTextAsync(PathOf(name), json);
        return PathOf(name);
    }

    private const string TwoSlots = """
        "slots": [
          { "id": "s1", "start": "2026-02-10T09:00:00-06:00", "end": "2026-02-10T09:20:00-06:00", "session": "am" },
          { "id": "s2", "start": "2026-02-10T09:20:00-06:00", "end": "2026-02-10T09:40:00-06:00", "session": "am" }
        ]
        """;

    [Theory]
    [InlineData("{ \"format\": \"schedule-v1\", ", "$", "not valid JSON")]
    [InlineData("{ \"format\": \"schedule-v1\", \"participants\": [], \"meetings\": [] }", "slots", "is required")]
    [InlineData("{ \"format\": \"schedule-v2\", " + TwoSlots + ", \"participants\": [], \"meetings\": [] }", "format", "schedule-v1")]
    [InlineData("{ \"format\": \"schedule-v1\", " + TwoSlots + ", \"participants\": [ { \"id\": \"a\" }, { \"id\": \"b\" } ], \"meetings\": [ { \"id\": \"m1\", \"participants\": [\"a\", \"acme\"] } ] }", "meetings[0].participants[1]", "unknown participant 'acme'")]
    [InlineData("{ \"format\": \"schedule-v1\", " + TwoSlots + ", \"participants\": [ { \"id\": \"a\" }, { \"id\": \"b\" } ], \"meetings\": [ { \"id\": \"m1\", \"participants\": [\"a\", \"b\"], \"weight\": 0 } ] }", "meetings[0].weight", "positive integer")]
    [InlineData("{ \"format\": \"schedule-v1\", " + TwoSlots + ", \"participants\": [ { \"id\": \"a\", \"availableSlots\": [\"s9\"] } ], \"meetings\": [] }", "participants[0].availableSlots[0]", "unknown slot 's9'")]
    [InlineData("{ \"format\": \"schedule-v1\", " + TwoSlots + ", \"participants\": [ { \"id\": \"a\" }, { \"id\": \"a\" } ], \"meetings\": [] }", "participants", "appears twice")]
    [InlineData("{ \"format\": \"schedule-v1\", " + TwoSlots + ", \"participants\": [ { \"id\": \"a\" }, { \"id\": \"b\" } ], \"meetings\": [ { \"id\": \"m1\", \"participants\": [\"a\"] } ] }", "meetings[0].participants", "two or more")]
    public async Task Invalid_input_exits_2_naming_the_field(string json, string field, string reason)
    {
        var input = await WriteAsync("event.json", json);

        var (exit, error) = await RunAsync("schedule", "--input", input, "--output", PathOf("out.json"), "--time-limit", "2");

        Assert.Equal(2, exit);
        Assert.StartsWith(field + ":", error.Trim());
        Assert.Contains(reason, error);
        Assert.False(File.Exists(PathOf("out.json")));
    }

    [Fact]
    public async Task Required_meetings_that_cannot_fit_exit_3_with_the_reason()
    {
        var input = await WriteAsync("event.json", "{ \"format\": \"schedule-v1\", " + TwoSlots + """
            , "participants": [ { "id": "city" }, { "id": "a" }, { "id": "b" }, { "id": "c" } ],
              "meetings": [ { "id": "m1", "participants": ["city", "a"], "required": true }, { "id": "m2", "participants": ["city", "b"], "required": true },
                            { "id": "m3", "participants": ["city", "c"], "required": true } ] }
            """);

        var (exit, error) = await RunAsync("schedule", "--input", input, "--output", PathOf("out.json"), "--time-limit", "2");
        var written = JsonNode.Parse(await File.ReadAllTextAsync(PathOf("out.json")))!;

        Assert.Equal(3, exit);
        Assert.Contains("Participant 'city' has 3 required meetings", error);
        Assert.Equal("infeasible", written["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_generated_event_is_scheduled_in_the_documented_format_and_the_validator_accepts_it()
    {
        var input = PathOf("event.json");
        Assert.Equal(0, (await RunAsync("generate", "event", "--participants", "30", "--requests", "60", "--slots", "8", "--tables", "6", "--sessions", "2", "--seed", "3", "--output", input)).Exit);

        var (exit, _) = await RunAsync("schedule", "--input", input, "--output", PathOf("schedule.json"), "--time-limit", "3", "--threads", "2");
        var (validateExit, _) = await RunAsync("schedule", "validate", "--input", input, "--schedule", PathOf("schedule.json"));
        var schedule = JsonNode.Parse(await File.ReadAllTextAsync(PathOf("schedule.json")))!.AsObject();

        Assert.Equal(0, exit);
        Assert.Equal(0, validateExit);
        Assert.Equal(["format", "status", "scheduled", "unscheduled", "scheduledWeight", "idleGaps", "upperBoundWeight", "solveSeconds"], schedule.Select(p => p.Key));
        Assert.Contains(schedule["status"]!.GetValue<string>(), new[] { "optimal", "feasible" });
        Assert.True(schedule["upperBoundWeight"]!.GetValue<long>() >= schedule["scheduledWeight"]!.GetValue<long>());
        Assert.All(schedule["scheduled"]!.AsArray(), a => Assert.StartsWith("T", a!["location"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Validate_prints_every_violation_and_exits_1()
    {
        var input = await WriteAsync("event.json", "{ \"format\": \"schedule-v1\", " + TwoSlots + """
            , "participants": [ { "id": "a" }, { "id": "b" }, { "id": "c", "availableSlots": ["s2"] } ],
              "meetings": [ { "id": "m1", "participants": ["a", "b"] }, { "id": "m2", "participants": ["a", "c"] } ] }
            """);
        var schedule = await WriteAsync("schedule.json", """
            { "format": "schedule-v1", "status": "feasible", "scheduled": [ { "meeting": "m1", "slot": "s1", "location": null }, { "meeting": "m2", "slot": "s1", "location": null } ],
              "unscheduled": [], "scheduledWeight": 2, "idleGaps": 0, "upperBoundWeight": 2, "solveSeconds": 0.1 }
            """);
        var previous = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        int exit;
        try
        {
            exit = (await RunAsync("schedule", "validate", "--input", input, "--schedule", schedule)).Exit;
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal(1, exit);
        Assert.Contains("Participant 'c' is not available in slot 's1'", output.ToString());
        Assert.Contains("Participant 'a' is double-booked in slot 's1'", output.ToString());
    }

    [Fact]
    public async Task The_event_generator_is_deterministic_by_seed()
    {
        await RunAsync("generate", "event", "--participants", "50", "--requests", "120", "--seed", "9", "--output", PathOf("a.json"));
        await RunAsync("generate", "event", "--participants", "50", "--requests", "120", "--seed", "9", "--output", PathOf("b.json"));
        await RunAsync("generate", "event", "--participants", "50", "--requests", "120", "--seed", "10", "--output", PathOf("c.json"));

        Assert.Equal(await File.ReadAllTextAsync(PathOf("a.json")), await File.ReadAllTextAsync(PathOf("b.json")));
        Assert.NotEqual(await File.ReadAllTextAsync(PathOf("a.json")), await File.ReadAllTextAsync(PathOf("c.json")));
        Assert.Equal(120, JsonNode.Parse(await File.ReadAllTextAsync(PathOf("a.json")))!["meetings"]!.AsArray().Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
