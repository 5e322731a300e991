using System.CommandLine;

namespace CityBridge.Cli;

/// <summary>Every top-level verb of the CLI; each feature contributes its own command.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Data.DatabaseCommands.Create();
        foreach (var command in DataExchange.CsvCommands.Create())
        {
            yield return command;
        }

        yield return Matching.MatchCommands.Match();
        yield return Scheduling.ScheduleCommands.Schedule();
        yield return GenerateCommand();
    }

    /// <summary>`citybridge generate market|event`: deterministic test data by seed.</summary>
    private static Command GenerateCommand()
    {
        var generate = new Command("generate", "Generate deterministic test data (a market for matching, an event for scheduling).");
        foreach (var sub in GeneratorCommands())
        {
            generate.Subcommands.Add(sub);
        }

        return generate;
    }

    private static IEnumerable<Command> GeneratorCommands()
    {
        yield return Matching.MatchCommands.GenerateMarket();
        yield return Scheduling.ScheduleCommands.GenerateEvent();
    }
}
