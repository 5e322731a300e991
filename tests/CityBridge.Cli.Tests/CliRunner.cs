using System.CommandLine;

namespace CityBridge.Cli.Tests;

/// <summary>Runs the real `citybridge` command tree in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand();
        foreach (var command in CliCommands.All())
        {
            root.Subcommands.Add(command);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
