using CityBridge.Cli;
using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Cli.Tests.DataExchange;

/// <summary>The CLI reads its database from the environment, so these tests run one at a time in their own collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliEnvironmentCollection
{
    public const string Name = "cli-environment";
}

[Collection(CliEnvironmentCollection.Name)]
public sealed class CsvCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("citybridge-cli-").FullName;

    public CsvCommandTests()
    {
        Environment.SetEnvironmentVariable("Database__Provider", "Sqlite");
        Environment.SetEnvironmentVariable("ConnectionStrings__CityBridge", $"Data Source={Path.Combine(_folder, "cli.db")}");
    }

    private static CityBridgeDb OpenDb() => DatabaseRegistration.Create(DatabaseProvider.Sqlite, Environment.GetEnvironmentVariable("ConnectionStrings__CityBridge")!, TimeProvider.System);

    [Fact]
    public async Task Db_migrate_creates_the_database_with_reference_and_demo_data()
    {
        var exit = await CliApp.RunAsync(["db", "migrate", "--demo"]);

        await using var db = OpenDb();
        Assert.Equal(0, exit);
        Assert.Equal(10, await db.Countries.CountAsync());
        Assert.Equal(26, await db.Cities.CountAsync(c => c.IsAscnPilot));
        Assert.True(await db.Projects.AnyAsync());
    }

    [Fact]
    public async Task Import_of_a_bad_file_exits_2_and_stores_nothing_while_a_good_file_is_stored()
    {
        await CliApp.RunAsync(["db", "migrate"]);
        var bad = Path.Combine(_folder, "bad.csv");
        var good = Path.Combine(_folder, "good.csv");
        await File.WriteAllTextAsync(bad, "name,sectors\nHarbor Sensors,water\nNo Sector Co,plumbing\n");
        await File.WriteAllTextAsync(good, "name,sectors,experienceCountries\nHarbor Sensors,water;environment,VN\n");

        var rejected = await CliApp.RunAsync(["import", "--kind", "providers", "--file", bad]);
        await using (var db = OpenDb())
        {
            Assert.Equal(2, rejected);
            Assert.False(await db.Organizations.AnyAsync(o => o.Name == "Harbor Sensors"));
        }

        var accepted = await CliApp.RunAsync(["import", "--kind", "providers", "--file", good]);
        await using (var db = OpenDb())
        {
            Assert.Equal(0, accepted);
            Assert.Equal(["water", "environment"], (await db.Organizations.SingleAsync(o => o.Name == "Harbor Sensors")).Sectors);
        }
    }

    [Fact]
    public async Task Export_writes_a_file_that_imports_back_without_changes()
    {
        await CliApp.RunAsync(["db", "migrate", "--demo"]);
        var exported = Path.Combine(_folder, "projects.csv");

        var exportExit = await CliApp.RunAsync(["export", "--kind", "projects", "--output", exported]);
        var importExit = await CliApp.RunAsync(["import", "--kind", "projects", "--file", exported, "--dry-run"]);

        Assert.Equal(0, exportExit);
        Assert.Equal(0, importExit);
        Assert.StartsWith("city,countryCode,title,sectors,stage", await File.ReadAllTextAsync(exported));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused()
    {
        var exit = await CliApp.RunAsync(["export", "--kind", "widgets", "--output", Path.Combine(_folder, "x.csv")]);

        Assert.NotEqual(0, exit);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
