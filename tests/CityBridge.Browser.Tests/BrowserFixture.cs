using CityBridge.Testing;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

/// <summary>
/// The real app on SQLite and Debian's Chromium driven by Playwright, shared by the tests of one collection. Each
/// collection gets an app and a browser of its own, and xunit runs the collections side by side.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] Switches =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private IPlaywright? _playwright;

    public TestApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does this).");
        }

        App = await TestApp.StartAsync(TestDatabase.Sqlite);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync();
    }

    /// <summary>
    /// Another Chromium with the same switches and <paramref name="extraSwitches"/> (a fake camera), for the test that
    /// needs them, so the shared browser keeps its behaviour; the caller closes it.
    /// </summary>
    public Task<IBrowser> LaunchAsync(params string[] extraSwitches) => _playwright!.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = [.. Switches, .. extraSwitches],
    });

    /// <summary>A fresh page in its own browser context (own cookies), pointed at the app.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(Browser, []);

    /// <summary>A fresh page of <paramref name="browser"/> in its own context, pointed at the app, with these permissions granted.</summary>
    public async Task<IPage> NewPageAsync(IBrowser browser, IEnumerable<string> permissions)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString().TrimEnd('/'), Permissions = permissions });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The user journeys, one after another on one app: they share its demo data and create their own records.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// The page check over every page, on an app of its own: it runs beside the journeys, and their edits (new records,
/// messages, e-mails) cannot reach the pages it visits, nor its visits their counts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PageQualityCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "page quality";
}
