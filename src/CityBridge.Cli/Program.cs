using System.CommandLine;
using CityBridge.Cli;

var root = new RootCommand("citybridge: the CityBridge command line (data import/export, matching, scheduling, test data).");
foreach (var command in CliCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
