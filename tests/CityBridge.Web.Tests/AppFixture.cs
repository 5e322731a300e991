using System.Text.Json;
using System.Text.Json.Serialization;
using CityBridge.Testing;

namespace CityBridge.Web.Tests;

/// <summary>One running app per database engine for the whole assembly.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly SharedApps _apps = new();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Each test runs once per available engine: SQLite always, PostgreSQL when CITYBRIDGE_TEST_POSTGRES is set.</summary>
    public static IEnumerable<object[]> Databases => TestDatabases.Available().Select(d => new object[] { d });

    public Task<TestApp> GetAsync(TestDatabase database) => _apps.GetAsync(database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _apps.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

public static class Unique
{
    public static string Name(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
}
