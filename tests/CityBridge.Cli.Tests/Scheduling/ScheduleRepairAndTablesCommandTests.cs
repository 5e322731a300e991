using System.Text.Json.Nodes;

using static CityBridge.Cli.Tests.CliRunner;

namespace CityBridge.Cli.Tests.Scheduling;

public sealed class ScheduleRepairAndTablesCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("citybridge-schedule-v2-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_session_whose_slots_are_not_consecutive_exits_2_for_schedule_and_validate()
    {
        var document = TinyEvent();
        document["slots"]![1]!["session"] = "pm"; // sessions become am, pm, am
        document["slots"]![2]!["session"] = "am";
        Write("event.json", document);
        Write("schedule.json", new JsonObject { ["format"] = "schedule-v1", ["status"] = "feasible", ["scheduled"] = new JsonArray(), ["unscheduled"] = new JsonArray() });

        var scheduled = await Run("schedule", "--input", File("event.json"), "--output", File("out.json"), "--time-limit", "2");
        var validated = await Run("schedule", "validate", "--input", File("event.json"), "--schedule", File("schedule.json"));

        foreach (var result in new[] { scheduled, validated })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("slots[2].session: ", result.Error, StringComparison.Ordinal);
            Assert.Contains("session 'am' are not consecutive", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_fixed_meeting_outside_its_participants_availability_exits_3_naming_the_participant_and_the_slot()
    {
        var document = TinyEvent();
        document["participants"]![1]!["availableSlots"] = new JsonArray("s1", "s2");
        document["meetings"]![0]!["fixed"] = new JsonObject { ["slot"] = "s3", ["location"] = null };
        Write("event.json", document);

        var result = await Run("schedule", "--input", File("event.json"), "--output", File("out.json"), "--time-limit", "2");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("participant 'b'", result.Error, StringComparison.Ordinal);
        Assert.Contains("slot 's3'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Current_places_are_kept_and_the_output_lists_moved_meetings_and_the_gap_bound()
    {
        var document = TinyEvent();
        // 'ab' was published in s1, but b can no longer come then: it moves; 'cd' keeps s1 at T2.
        document["participants"]![1]!["availableSlots"] = new JsonArray("s2", "s3");
        document["meetings"]![0]!["current"] = new JsonObject { ["slot"] = "s1", ["location"] = "T1" };
        document["meetings"]![1]!["current"] = new JsonObject { ["slot"] = "s1", ["location"] = "T2" };
        Write("event.json", document);

        var result = await Run("schedule", "--input", File("event.json"), "--output", File("out.json"), "--time-limit", "3", "--threads", "1");
        var validated = await Run("schedule", "validate", "--input", File("event.json"), "--schedule", File("out.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, validated.ExitCode);
        var schedule = JsonNode.Parse(System.IO.File.ReadAllText(File("out.json")))!;
        Assert.Equal(["ab"], schedule["moved"]!.AsArray().Select(m => (string)m!));
        var cd = schedule["scheduled"]!.AsArray().Single(a => (string)a!["meeting"]! == "cd")!;
        Assert.Equal(("s1", "T2"), ((string)cd["slot"]!, (string)cd["location"]!));
        Assert.Equal("optimal", (string?)schedule["status"]);
        Assert.Equal((int)schedule["idleGaps"]!, (int)schedule["idleGapsLowerBound"]!);
    }

    [Fact]
    public async Task A_schedule_without_current_places_has_no_moved_list()
    {
        Write("event.json", TinyEvent());

        await Run("schedule", "--input", File("event.json"), "--output", File("out.json"), "--time-limit", "2", "--threads", "1");

        var schedule = JsonNode.Parse(System.IO.File.ReadAllText(File("out.json")))!.AsObject();
        Assert.False(schedule.ContainsKey("moved"));
        Assert.True(schedule.ContainsKey("idleGapsLowerBound"));
    }

    [Fact]
    public async Task Tables_prints_the_smallest_count_and_the_bound_with_one_fewer()
    {
        // Three disjoint pairs in three slots... but only two slots: three meetings need two tables; one table holds two.
        var document = TinyEvent();
        document["slots"]!.AsArray().RemoveAt(2);
        document["meetings"]!.AsArray().Add(new JsonObject { ["id"] = "ef", ["participants"] = new JsonArray("e", "f"), ["weight"] = 2 });
        document["participants"]!.AsArray().Add(new JsonObject { ["id"] = "e" });
        document["participants"]!.AsArray().Add(new JsonObject { ["id"] = "f" });
        Write("event.json", document);

        var result = await Run("schedule", "tables", "--input", File("event.json"), "--time-limit", "10");

        Assert.Equal(0, result.ExitCode);
        var answer = JsonNode.Parse(result.Output)!;
        Assert.Equal("schedule-tables-v1", (string?)answer["format"]);
        Assert.Equal(2, (int)answer["tables"]!);
        Assert.Equal(4, (long)answer["maxWeight"]!);
        Assert.Equal(1, (int)answer["oneFewer"]!["tables"]!);
        Assert.Equal(3, (long)answer["oneFewer"]!["upperBoundWeight"]!);
    }

    /// <summary>Three slots (s1, s2 in "am"; s3 in "pm"), tables T1–T3, meetings a-b and c-d.</summary>
    private static JsonObject TinyEvent() => new()
    {
        ["format"] = "schedule-v1",
        ["slots"] = new JsonArray(
            Slot("s1", "09:00", "am"),
            Slot("s2", "09:20", "am"),
            Slot("s3", "14:00", "pm")),
        ["locations"] = new JsonArray(new JsonObject { ["id"] = "T1" }, new JsonObject { ["id"] = "T2" }, new JsonObject { ["id"] = "T3" }),
        ["participants"] = new JsonArray(new JsonObject { ["id"] = "a" }, new JsonObject { ["id"] = "b" }, new JsonObject { ["id"] = "c" }, new JsonObject { ["id"] = "d" }),
        ["meetings"] = new JsonArray(
            new JsonObject { ["id"] = "ab", ["participants"] = new JsonArray("a", "b") },
            new JsonObject { ["id"] = "cd", ["participants"] = new JsonArray("c", "d") }),
    };

    private static JsonObject Slot(string id, string time, string session) => new()
    {
        ["id"] = id,
        ["start"] = $"2026-02-10T{time}:00Z",
        ["end"] = $"2026-02-10T{time[..3]}{int.Parse(time[3..], System.Globalization.CultureInfo.InvariantCulture) + 20:D2}:00Z",
        ["session"] = session,
    };

    private void Write(string name, JsonNode document) => System.IO.File.WriteAllText(File(name), document.ToJsonString());

    private string File(string name) => Path.Combine(_folder.FullName, name);
}
