using System.CommandLine;

namespace CityBridge.Cli;

/// <summary>The `citybridge` command line; tests call <see cref="RunAsync"/> in-process.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("citybridge: the CityBridge command line (database, CSV import/export, matching, scheduling, test data).");
        foreach (var command in CliCommands.All())
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync();
    }
}
