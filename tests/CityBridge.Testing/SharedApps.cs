namespace CityBridge.Testing;

/// <summary>
/// One running app per database engine, shared by the tests of an assembly so the suite pays start-up once.
/// Tests that share an app create their own uniquely named records.
/// </summary>
public sealed class SharedApps : IAsyncDisposable
{
    private readonly Dictionary<TestDatabase, Task<TestApp>> _apps = [];
    private readonly Lock _gate = new();

    public Task<TestApp> GetAsync(TestDatabase database)
    {
        lock (_gate)
        {
            if (!_apps.TryGetValue(database, out var app))
            {
                _apps[database] = app = TestApp.StartAsync(database);
            }

            return app;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}
