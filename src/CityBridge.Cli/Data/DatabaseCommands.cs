using System.CommandLine;
using Spectre.Console;

namespace CityBridge.Cli.Data;

/// <summary>`citybridge db migrate [--demo]`: creates or upgrades the database and loads the reference data.</summary>
internal static class DatabaseCommands
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Also load the fictional demo organizations, solutions and projects into an empty directory." };
        var migrate = new Command("migrate", "Apply the database migrations and load the reference data (countries, cities).") { demo };
        migrate.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open();
            var seeder = CliDatabase.Seeder(db);
            await seeder.MigrateAsync(ct);
            await seeder.SeedReferenceDataAsync(ct);
            if (parse.GetValue(demo))
            {
                await seeder.SeedDemoDataAsync(ct);
            }

            AnsiConsole.MarkupLine($"[green]Database is up to date[/] ({Markup.Escape(db.Database.ProviderName ?? "unknown provider")}).");
            return 0;
        });

        return new Command("db", "Database administration.") { migrate };
    }
}
