using System.CommandLine;
using CityBridge.Cli.Data;
using CityBridge.Web.Features.DataExchange;
using Spectre.Console;

namespace CityBridge.Cli.DataExchange;

/// <summary>`citybridge import` and `citybridge export`: CSV in and out of the database, all rows or none.</summary>
internal static class CsvCommands
{
    public const int ExitRejected = 2;

    public static IEnumerable<Command> Create()
    {
        yield return ImportCommand();
        yield return ExportCommand();
    }

    private static Option<CsvKind> KindOption() => new("--kind")
    {
        Description = "What the file holds: providers, solutions, projects or contacts.",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DataExchangeApi.TryParseKind(text, out var kind))
            {
                return kind;
            }

            result.AddError($"--kind: '{text}' is not one of providers, solutions, projects, contacts.");
            return default;
        },
    };

    private static Command ImportCommand()
    {
        var kind = KindOption();
        var file = new Option<FileInfo>("--file") { Description = "The CSV file to import.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report, but store nothing." };
        var command = new Command("import", "Import a CSV file in one transaction: every row is stored, or none is.") { kind, file, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"--file: {path.FullName} does not exist.");
                return ExitRejected;
            }

            await using var db = CliDatabase.Open();
            var importer = new CsvImporter(db);
            ImportReport? report = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Importing {path.Name}", maxValue: 1);
                    var progress = new Progress<ImportProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    });
                    await using var stream = path.OpenRead();
                    report = await importer.ImportAsync(parse.GetValue(kind), stream, parse.GetValue(dryRun), progress, ct);
                    task.Value = task.MaxValue;
                });

            return Print(report!);
        });
        return command;
    }

    private static int Print(ImportReport report)
    {
        if (report.Succeeded)
        {
            AnsiConsole.MarkupLine($"[green]{Markup.Escape(report.Summary)}[/]");
            return 0;
        }

        var table = new Table().AddColumn("Line").AddColumn("What to fix");
        foreach (var row in report.Rejected)
        {
            table.AddRow(row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(string.Join(Environment.NewLine, row.Reasons)));
        }

        AnsiConsole.Write(table);
        Console.Error.WriteLine(report.Summary);
        return ExitRejected;
    }

    private static Command ExportCommand()
    {
        var kind = KindOption();
        var output = new Option<FileInfo>("--output") { Description = "Where to write the CSV file.", Required = true };
        var command = new Command("export", "Export providers, solutions, projects or contacts as CSV.") { kind, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open();
            var path = parse.GetValue(output)!;
            await using var stream = path.Create();
            var count = await new CsvExporter(db).ExportAsync(parse.GetValue(kind), stream, ct);
            AnsiConsole.MarkupLine($"[green]Wrote {count} row(s) to {Markup.Escape(path.FullName)}[/]");
            return 0;
        });
        return command;
    }
}
