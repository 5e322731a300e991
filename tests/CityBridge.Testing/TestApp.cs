using CityBridge.Web;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CityBridge.Testing;

/// <summary>The database engines the integration suites run on.</summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
}

public static class TestDatabases
{
    /// <summary>A PostgreSQL connection string (server, user, password); CI sets it, and the suites then run on PostgreSQL too.</summary>
    public const string PostgresVariable = "CITYBRIDGE_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static IEnumerable<TestDatabase> Available()
    {
        yield return TestDatabase.Sqlite;
        if (PostgresServer is not null)
        {
            yield return TestDatabase.Postgres;
        }
    }
}

/// <summary>The real app on Kestrel at a free loopback port, on a fresh database of its own.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _scratchFolder;

    private TestApp(WebApplication app, TestDatabase database, string connectionString, string scratchFolder, Uri baseAddress)
    {
        _app = app;
        Database = database;
        ConnectionString = connectionString;
        _scratchFolder = scratchFolder;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public TestDatabase Database { get; }

    public string ConnectionString { get; }

    public Uri BaseAddress { get; }

    /// <summary>An anonymous visitor.</summary>
    public HttpClient Client { get; }

    /// <summary>The demo staff member, through a personal API token with write scope.</summary>
    public HttpClient Staff { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(TestDatabase database, bool demoData = true, IDictionary<string, string?>? settings = null)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "citybridge-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        var connectionString = database == TestDatabase.Sqlite
            ? $"Data Source={Path.Combine(scratch, "citybridge.db")}"
            : new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = $"citybridge_test_{Guid.NewGuid():N}" }.ConnectionString;
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Testing",
            $"--Database:Provider={database}",
            $"--ConnectionStrings:CityBridge={connectionString}",
            $"--CityBridge:DemoData={demoData}",
            "--Logging:LogLevel:Default=Warning",
            // The suites sign in many times from one address; RateLimitTests checks the limit with its own app.
            "--CityBridge:SignInAttemptsPerMinute=10000",
            "--CityBridge:PublicFormPostsPerMinute=10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            args.Add($"--{key}={value}");
        }

        var app = CityBridgeApp.Build([.. args]);
        await app.PrepareDatabaseAsync();
        app.UseCityBridge();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var testApp = new TestApp(app, database, connectionString, scratch, new Uri(address));
        if (demoData)
        {
            testApp.Staff = await testApp.ClientForAsync(AccountSeeder.DemoStaffEmail);
        }

        return testApp;
    }

    /// <summary>An API client acting as the user with <paramref name="email"/>, through a new personal token.</summary>
    public async Task<HttpClient> ClientForAsync(string email, bool write = true)
    {
        await using var db = NewDb();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var secret = ApiTokenHandler.NewSecret();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = userId,
            Name = "tests",
            Hash = ApiTokenHandler.HashOf(secret),
            Prefix = secret[..10],
            Scopes = write ? "read write" : "read",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A new database context on the app's database, for arranging and checking data directly.</summary>
    public CityBridgeDb NewDb() => DatabaseRegistration.Create(
        Database == TestDatabase.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, ConnectionString, TimeProvider.System);

    /// <summary>Stops serving and every background service, as a shut-down instance; the database stays until <see cref="DisposeAsync"/>.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Staff?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Database == TestDatabase.Postgres)
        {
            await using var db = NewDb();
            NpgsqlConnection.ClearAllPools();
            await db.Database.EnsureDeletedAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(_scratchFolder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }
}
