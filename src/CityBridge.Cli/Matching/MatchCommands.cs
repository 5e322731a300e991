using System.CommandLine;
using CityBridge.Core.Matching;
using Spectre.Console;

namespace CityBridge.Cli.Matching;

/// <summary>`citybridge match` (match-v1) and `citybridge generate market`.</summary>
internal static class MatchCommands
{
    public const int Matched = 0;
    public const int InvalidInput = 2;

    public static Command Match()
    {
        var input = new Option<FileInfo>("--input") { Required = true, Description = "The market (match-v1 input JSON)." };
        var output = new Option<FileInfo>("--output") { Required = true, Description = "Where to write the matches (match-v1 output JSON)." };
        var top = new Option<int>("--top") { DefaultValueFactory = _ => 10, Description = "Providers per project." };
        var command = new Command("match", "Rank, for every project, the providers that fit it best, with the reasons (match-v1).") { input, output, top };
        command.SetAction(async (parseResult, ct) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var k = parseResult.GetValue(top);
            if (k is < 1 or > 1000)
            {
                await error.WriteLineAsync("--top: must be between 1 and 1000");
                return InvalidInput;
            }

            Market market;
            try
            {
                market = await MatchJson.ReadMarketAsync(parseResult.GetValue(input)!, ct);
            }
            catch (InvalidInputException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return InvalidInput;
            }

            using var embedder = new MiniLmEmbedder();
            var matches = await WithProgressAsync(progress => MarketMatcher.Match(market, embedder, MatchWeights.Default, k, progress, ct));
            await MatchJson.WriteMatchesAsync(parseResult.GetValue(output)!, matches, ct);
            return Matched;
        });
        return command;
    }

    public static Command GenerateMarket()
    {
        var providers = new Option<int>("--providers") { DefaultValueFactory = _ => 100_000, Description = "Number of providers." };
        var projects = new Option<int>("--projects") { DefaultValueFactory = _ => 10_000, Description = "Number of city projects." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Random seed; the same seed gives the same market." };
        var output = new Option<FileInfo>("--output") { Required = true, Description = "Where to write the market (match-v1 input JSON)." };
        var command = new Command("market", "Generate a deterministic market of providers and city projects (match-v1 input).") { providers, projects, seed, output };
        command.SetAction(async (parseResult, ct) =>
        {
            var providerCount = parseResult.GetValue(providers);
            var projectCount = parseResult.GetValue(projects);
            if (providerCount is < 1 or > 10_000_000 || projectCount is < 1 or > 10_000_000)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("--providers and --projects: must be between 1 and 10,000,000");
                return InvalidInput;
            }

            var market = MarketGenerator.Generate(parseResult.GetValue(seed), providerCount, projectCount);
            await JsonFiles.WriteAsync(parseResult.GetValue(output)!, ToDocument(market), ct);
            return Matched;
        });
        return command;
    }

    private static MarketDocument ToDocument(Market market) => new(
        MatchJson.FormatTag,
        market.Providers.Select(p => (ProviderDocument?)new ProviderDocument(
            p.Id, p.Name, p.Description, [.. p.Sectors], [.. p.Countries], [.. p.Standards],
            p.Solutions.Select(s => (SolutionDocument?)new SolutionDocument(s.Name, s.Description, [.. s.Sectors], [.. s.Standards])).ToList(),
            p.Stages.Count == 0 ? null : p.Stages.Select(s => (string?)s.ToString().ToLowerInvariant()).ToList(),
            p.DealSizeMinUsd,
            p.DealSizeMaxUsd)).ToList(),
        market.Projects.Select(p => (ProjectDocument?)new ProjectDocument(
            p.Id, p.Title, p.Description, p.City, p.Country, [.. p.Sectors], [.. p.Standards], p.Stage?.ToString().ToLowerInvariant(), p.BudgetUsd)).ToList());

    /// <summary>A progress bar per phase on an interactive terminal; silent when stderr is redirected.</summary>
    private static async Task<T> WithProgressAsync<T>(Func<IProgress<MatchProgress>?, T> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await Task.Run(() => work(null));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new Progress<MatchProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Phase, out var task))
                    {
                        tasks[p.Phase] = task = context.AddTask(p.Phase, maxValue: Math.Max(1, p.Total));
                    }

                    task.Value = p.Done;
                });
                return await Task.Run(() => work(progress));
            });
    }
}
