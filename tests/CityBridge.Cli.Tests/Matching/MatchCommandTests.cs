using System.Text.Json.Nodes;

using static CityBridge.Cli.Tests.CliRunner;

namespace CityBridge.Cli.Tests.Matching;

public sealed class MatchCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("citybridge-match-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Match_writes_one_entry_per_project_in_input_order_in_the_match_v1_shape()
    {
        var generated = await Run("generate", "market", "--providers", "150", "--projects", "8", "--seed", "3", "--output", File("market.json"));
        var matched = await Run("match", "--input", File("market.json"), "--output", File("matches.json"), "--top", "4");

        Assert.Equal(0, generated.ExitCode);
        Assert.Equal(0, matched.ExitCode);
        var market = Json("market.json");
        var output = Json("matches.json");
        Assert.Equal("match-v1", (string?)output["format"]);
        var matches = output["matches"]!.AsArray();
        Assert.Equal(market["projects"]!.AsArray().Select(p => (string?)p!["id"]), matches.Select(m => (string?)m!["project"]));
        var providerIds = market["providers"]!.AsArray().Select(p => (string)p!["id"]!).ToHashSet();
        foreach (var entry in matches)
        {
            var providers = entry!["providers"]!.AsArray();
            Assert.Equal(4, providers.Count);
            var ordered = providers.Select(p => ((double)p!["score"]!, (string)p["provider"]!)).ToList();
            Assert.Equal(ordered.OrderByDescending(p => p.Item1).ThenBy(p => p.Item2, StringComparer.Ordinal), ordered);
            foreach (var provider in providers)
            {
                Assert.Contains((string)provider!["provider"]!, providerIds);
                var score = (double)provider["score"]!;
                Assert.InRange(score, 0, 1);
                var signals = provider["signals"]!.AsArray();
                Assert.Equal(score, signals.Sum(s => (double)s!["contribution"]!), 6);
                Assert.All(signals, s =>
                {
                    Assert.False(string.IsNullOrWhiteSpace((string?)s!["name"]));
                    Assert.False(string.IsNullOrWhiteSpace((string?)s["why"]));
                    Assert.InRange((double)s["value"]!, 0, 1);
                });
            }
        }
    }

    [Fact]
    public async Task Market_generator_is_deterministic_by_seed()
    {
        await Run("generate", "market", "--providers", "50", "--projects", "5", "--seed", "9", "--output", File("a.json"));
        await Run("generate", "market", "--providers", "50", "--projects", "5", "--seed", "9", "--output", File("b.json"));
        await Run("generate", "market", "--providers", "50", "--projects", "5", "--seed", "10", "--output", File("c.json"));

        Assert.Equal(System.IO.File.ReadAllText(File("a.json")), System.IO.File.ReadAllText(File("b.json")));
        Assert.NotEqual(System.IO.File.ReadAllText(File("a.json")), System.IO.File.ReadAllText(File("c.json")));
    }

    public static TheoryData<string, string, string> BrokenMarkets => new()
    {
        { "unknown sector", "providers[2].sectors[0]", "unknown sector 'aqua'" },
        { "missing provider id", "providers[1].id", "is required" },
        { "missing project title", "projects[0].title", "is required" },
        { "duplicate project id", "projects[1].id", "duplicate id" },
        { "bad country", "projects[0].country", "not an ISO 3166-1 alpha-2" },
        { "unknown stage", "projects[1].stage", "unknown stage 'dreaming'" },
        { "negative budget", "projects[0].budgetUsd", "must not be negative" },
        { "wrong format", "format", "expected 'match-v1'" },
        { "budget as text", "projects[0].budgetUsd", "malformed JSON or wrong value type" },
        { "unknown solution sector", "providers[0].solutions[0].sectors[0]", "unknown sector 'aqua'" },
    };

    [Theory]
    [MemberData(nameof(BrokenMarkets))]
    public async Task Invalid_input_exits_2_naming_the_field(string breakage, string field, string reason)
    {
        await Run("generate", "market", "--providers", "5", "--projects", "3", "--seed", "2", "--output", File("market.json"));
        var document = Json("market.json");
        Break(document, breakage);
        System.IO.File.WriteAllText(File("broken.json"), document.ToJsonString());

        var result = await Run("match", "--input", File("broken.json"), "--output", File("matches.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{field}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(File("matches.json")));
    }

    [Fact]
    public async Task Malformed_json_exits_2()
    {
        System.IO.File.WriteAllText(File("broken.json"), "{ \"format\": \"match-v1\", \"providers\": [ {");

        var result = await Run("match", "--input", File("broken.json"), "--output", File("matches.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("malformed JSON", result.Error, StringComparison.Ordinal);
    }

    private static void Break(JsonNode document, string breakage)
    {
        switch (breakage)
        {
            case "unknown sector": document["providers"]![2]!["sectors"] = new JsonArray("aqua"); break;
            case "missing provider id": document["providers"]![1]!.AsObject().Remove("id"); break;
            case "missing project title": document["projects"]![0]!["title"] = " "; break;
            case "duplicate project id": document["projects"]![1]!["id"] = (string)document["projects"]![0]!["id"]!; break;
            case "bad country": document["projects"]![0]!["country"] = "Indonesia"; break;
            case "unknown stage": document["projects"]![1]!["stage"] = "dreaming"; break;
            case "negative budget": document["projects"]![0]!["budgetUsd"] = -5; break;
            case "wrong format": document["format"] = "match-v0"; break;
            case "budget as text": document["projects"]![0]!["budgetUsd"] = "a lot"; break;
            case "unknown solution sector":
                document["providers"]![0]!["solutions"] = new JsonArray(new JsonObject { ["name"] = "X", ["sectors"] = new JsonArray("aqua") });
                break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "unknown breakage");
        }
    }

    private JsonNode Json(string name) => JsonNode.Parse(System.IO.File.ReadAllText(File(name)))!;

    private string File(string name) => Path.Combine(_folder.FullName, name);
}
