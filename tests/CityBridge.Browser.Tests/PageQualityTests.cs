using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.My;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

/// <summary>
/// Every page the app serves, listed from its own endpoint data source, visited by the first role that may see it at
/// desktop (1366 px) and phone (390 px) width. A page fails on sideways scrolling at phone width, a console error, a
/// server error, a link to a page that answers 404, or an axe-core violation of impact serious or critical.
/// </summary>
[Collection(PageQualityCollection.Name)]
public sealed class PageQualityTests(BrowserFixture fixture)
{
    private const int Desktop = 1366;
    private const int Phone = 390;

    /// <summary>Pages that are not destinations: they answer an error by design, act on a visit, or need a pending sign-in.</summary>
    private static readonly HashSet<string> NotVisited =
    [
        "/Error", "/Status/{code:int}", "/Account/AccessDenied", "/Account/TwoFactor", "/Account/SignOut",
    ];

    /// <summary>Pages that are not Razor pages but are read by people: the API reference (third-party markup, so no axe check).</summary>
    private static readonly string[] OtherPages = ["/api/reference"];

    /// <summary>Pages whose screenshots at both widths are written to docs/screenshots/ for the documentation.</summary>
    private static readonly Dictionary<string, string> Screenshots = new()
    {
        ["/"] = "home",
        ["/Cities"] = "directory-cities",
        ["/Projects/Details/{id:int}"] = "project",
        ["/Dashboard"] = "dashboard",
        ["/Projects/{projectId:int}/Readiness/Plan"] = "readiness-plan",
    };

    private static readonly (string Name, string? Email, string? Key)[] Roles =
    [
        ("visitor", null, null),
        ("staff", AccountSeeder.DemoStaffEmail, AccountSeeder.DemoStaffAuthenticatorKey),
        ("city official", AccountSeeder.DemoMakassarOfficialEmail, null),
        ("provider", AccountSeeder.DemoProviderEmail, null),
        ("expert", AccountSeeder.DemoExpertEmail, null),
    ];

    [Fact]
    public async Task Every_page_fits_a_phone_and_has_no_console_server_link_or_serious_accessibility_error()
    {
        var routes = PageRoutes();
        Assert.Contains("/Cities", routes);
        Assert.Contains("/Projects/{projectId:int}/Readiness/Plan", routes);
        var targets = await TargetsAsync();
        var axePath = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        Assert.True(File.Exists(axePath), "axe-core is missing: run `npm ci` in tests/CityBridge.Browser.Tests, then build again.");
        var axe = await File.ReadAllTextAsync(axePath);
        var visitors = new List<Visitor>();
        var failures = new List<string>();
        var checkedPages = new List<string>();
        var checkedRoutes = new List<string>();
        try
        {
            foreach (var role in Roles)
            {
                visitors.Add(await Visitor.StartAsync(fixture, role.Name, role.Email, role.Key));
            }

            foreach (var route in routes.Where(r => !NotVisited.Contains(r)))
            {
                if (!TryFill(route, targets, out var path))
                {
                    failures.Add($"{route}: no demo record to fill its route values (add one to {nameof(TargetsAsync)})");
                    continue;
                }

                var visitor = await FirstAllowedAsync(visitors, path);
                if (visitor is null)
                {
                    failures.Add($"{route}: no role could open {path}");
                    continue;
                }

                checkedPages.Add($"{path} as {visitor.Role}");
                checkedRoutes.Add($"{route} as {visitor.Role}");
                var pageFailures = await CheckAsync(visitor, path, axe, Screenshots.GetValueOrDefault(route), loaded: true);
                failures.AddRange(pageFailures.Select(f => $"{path} as {visitor.Role}: {f}"));
            }

            foreach (var path in OtherPages)
            {
                checkedPages.Add($"{path} as {visitors[0].Role}");
                checkedRoutes.Add($"{path} as {visitors[0].Role} (not by axe)");
                var pageFailures = await CheckAsync(visitors[0], path, axe: null, screenshot: null, loaded: false);
                failures.AddRange(pageFailures.Select(f => $"{path} as {visitors[0].Role}: {f}"));
            }

            foreach (var visitor in visitors)
            {
                failures.AddRange(await visitor.BrokenLinksAsync());
            }
        }
        finally
        {
            foreach (var visitor in visitors)
            {
                await visitor.Context.CloseAsync();
            }
        }

        Console.WriteLine($"Checked {checkedPages.Count} pages:\n" + string.Join("\n", checkedPages));
        // The list of pages checked, by route and role, beside the screenshots: what docs/pages.md and closing notes cite.
        Directory.CreateDirectory(ScreenshotFolder);
        await File.WriteAllLinesAsync(Path.Combine(ScreenshotFolder, "pages-checked.txt"),
            [$"# {checkedRoutes.Count} pages checked at 1366 and 390 px by PageQualityTests (route as role)", .. checkedRoutes]);
        Assert.True(failures.Count == 0, $"{failures.Count} problems on {checkedPages.Count} pages:\n" + string.Join("\n", failures));
    }

    /// <summary>Route patterns of every Razor page, one per page (the shortest of its routes: "/Cities", not "/Cities/Index").</summary>
    private List<string> PageRoutes()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>(), Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(e => e.Page is not null)
            .GroupBy(e => e.Page!.ViewEnginePath)
            .Select(g => g.Select(e => e.Pattern).OrderBy(p => p.Length).First())
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Demo records that route values are filled with, keyed by the route's first segment.</summary>
    private async Task<Dictionary<string, string>> TargetsAsync()
    {
        await using var db = fixture.App.NewDb();
        var aquaSense = await db.Organizations.Where(o => o.Name == "AquaSense Analytics").Select(o => (int?)o.Id).FirstOrDefaultAsync();
        var library = await db.LibraryDocuments.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => new { d.Id, d.Slug }).FirstOrDefaultAsync();
        var targets = new Dictionary<string, int?>
        {
            ["Cities"] = await db.Cities.Where(c => c.Name == "Makassar").Select(c => (int?)c.Id).FirstOrDefaultAsync(),
            ["Projects"] = await db.Projects.Where(p => p.City!.Name == "Makassar" && p.IsPublished).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(),
            ["Organizations"] = aquaSense,
            ["Solutions"] = await db.Solutions.Where(s => s.OrganizationId == aquaSense).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(),
            ["Contacts"] = await db.Contacts.Where(c => c.OrganizationId == aquaSense).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(),
            ["Pipeline"] = aquaSense is { } provider ? await OpportunityIdAsync(db, provider) : null,
            ["Events"] = await db.Events.Where(e => e.Name == Web.Features.Events.DemoEvent.Name).Select(e => (int?)e.Id).FirstOrDefaultAsync(),
            ["Programs"] = await db.Programs.Where(p => p.Name == Web.Features.Programs.DemoPrograms.WorkshopName).Select(p => (int?)p.Id).FirstOrDefaultAsync(),
            // The itinerary belongs to the expert delegation, which travels between cities.
            ["Programs/Itinerary"] = await db.Programs.Where(p => p.Name == Web.Features.Programs.DemoPrograms.DelegationName).Select(p => (int?)p.Id).FirstOrDefaultAsync(),
            ["Library"] = library?.Id,
            ["Interests"] = await InterestIdAsync(db),
        };
        targets["My/Conversation"] = aquaSense is { } side ? await ConversationIdAsync(db, side) : null;
        var filled = targets.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!.Value.ToString(CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
        if (library is not null)
        {
            filled["Library:slug"] = library.Slug;
        }

        return filled;
    }

    /// <summary>AquaSense's opportunity on a Makassar project, made when the demo data has none.</summary>
    private static async Task<int?> OpportunityIdAsync(Web.Data.CityBridgeDb db, int provider)
    {
        if (await db.Opportunities.Where(o => o.ProviderId == provider && o.Project!.City!.Name == "Makassar").OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var project = await db.Projects.Where(p => p.City!.Name == "Makassar").OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        if (project is null)
        {
            return null;
        }

        var opportunity = new CityBridge.Web.Features.Pipeline.Opportunity { ProviderId = provider, ProjectId = project.Value, Stage = Core.Domain.OpportunityStage.Met, ValueUsd = 250_000m };
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync();
        return opportunity.Id;
    }

    /// <summary>
    /// The thread between Makassar and AquaSense, which share the opportunity above: opened and written in through the API
    /// by the Makassar official, as the workspace does (the demo data has no conversations).
    /// </summary>
    private async Task<int?> ConversationIdAsync(Web.Data.CityBridgeDb db, int provider)
    {
        var project = await db.Opportunities.Where(o => o.ProviderId == provider && o.Project!.City!.Name == "Makassar")
            .OrderBy(o => o.Id).Select(o => (int?)o.ProjectId).FirstOrDefaultAsync();
        if (project is null)
        {
            return null;
        }

        using var official = await fixture.App.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var opened = await official.PostAsJsonAsync("/api/my/conversations", new StartConversationInput(project.Value, provider), JsonSerializerOptions.Web);
        Assert.True(opened.IsSuccessStatusCode, $"Opening the Makassar–AquaSense thread answered {(int)opened.StatusCode}: {await opened.Content.ReadAsStringAsync()}");
        var id = (await opened.Content.ReadFromJsonAsync<CreatedId>(JsonSerializerOptions.Web))!.Id;
        // No message is written: a message e-mails the other side, and the messaging journey test counts those e-mails.
        return (int)id;
    }

    private static async Task<int> InterestIdAsync(Web.Data.CityBridgeDb db)
    {
        if (!await db.Interests.AnyAsync())
        {
            db.Interests.Add(new Web.Features.Interests.Interest
            {
                FullName = "Page Visitor",
                Email = "visitor@pages.example",
                OrganizationName = "Pages Co",
                Message = "We would like to hear about water projects.",
                ConsentText = Web.Features.Interests.InterestInput.PrivacyText,
                ConsentedAt = DateTimeOffset.UtcNow,
                ReceivedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        return await db.Interests.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
    }

    /// <summary>Fills each route value with the demo record of the route's first segment; false when one is required and missing.</summary>
    private static bool TryFill(string route, Dictionary<string, string> targets, out string path)
    {
        var segments = route.Trim('/').Split('/');
        var collection = segments[0];
        var filled = new List<string>();
        foreach (var segment in segments)
        {
            if (!segment.StartsWith('{'))
            {
                filled.Add(segment);
                continue;
            }

            var name = segment.Trim('{', '}').Split(':', '?')[0];
            var section = segments.Length > 1 ? $"{collection}/{segments[1]}" : collection;
            var value = targets.GetValueOrDefault($"{collection}:{name}")
                ?? (name.EndsWith("id", StringComparison.OrdinalIgnoreCase) ? targets.GetValueOrDefault(section) ?? targets.GetValueOrDefault(collection) : null);
            if (value is null or "0")
            {
                if (segment.EndsWith("?}", StringComparison.Ordinal))
                {
                    continue;
                }

                path = route;
                return false;
            }

            filled.Add(value);
        }

        path = "/" + string.Join('/', filled);
        return true;
    }

    /// <summary>
    /// The first role that may open <paramref name="path"/>, with the page loaded at desktop width and its problems recorded
    /// from the start of that load, as <see cref="CheckAsync"/> expects; null when every role is refused.
    /// </summary>
    private static async Task<Visitor?> FirstAllowedAsync(List<Visitor> visitors, string path)
    {
        foreach (var visitor in visitors)
        {
            visitor.Problems.Clear();
            await visitor.Page.SetViewportSizeAsync(Desktop, 900);
            var response = await visitor.Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            var landedOn = new Uri(visitor.Page.Url).AbsolutePath;
            var denied = response is null || response.Status is 401 or 403 or 404
                || (!string.Equals(landedOn, path, StringComparison.OrdinalIgnoreCase) && landedOn is "/Account/SignIn" or "/Account/AccessDenied");
            if (!denied)
            {
                return visitor;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks <paramref name="path"/> at desktop width, then narrowed to a phone. <paramref name="loaded"/>: the visitor's
    /// page holds it already, loaded at desktop width with problems recorded since (<see cref="FirstAllowedAsync"/>).
    /// </summary>
    private static async Task<List<string>> CheckAsync(Visitor visitor, string path, string? axe, string? screenshot, bool loaded)
    {
        var failures = new List<string>();
        if (!loaded)
        {
            visitor.Problems.Clear();
            await visitor.Page.SetViewportSizeAsync(Desktop, 900);
            await visitor.Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        }

        foreach (var width in new[] { Desktop, Phone })
        {
            if (width == Phone)
            {
                // The same page narrowed: the stylesheet's media queries apply at once, no second load needed.
                visitor.Problems.Clear();
                await visitor.Page.SetViewportSizeAsync(Phone, 844);
            }

            if (width == Phone)
            {
                var overflow = await visitor.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    var widest = await visitor.Page.EvaluateAsync<string>(WidestElementScript);
                    failures.Add($"scrolls sideways by {overflow} px at {Phone} px (widest: {widest})");
                }
            }
            else
            {
                await visitor.CollectLinksAsync(path);
            }

            foreach (var violation in axe is null ? [] : await AxeViolationsAsync(visitor.Page, axe))
            {
                failures.Add($"axe at {width} px: {violation}");
            }

            failures.AddRange(visitor.Problems.Select(p => $"at {width} px: {p}"));
            if (screenshot is not null)
            {
                Directory.CreateDirectory(ScreenshotFolder);
                await visitor.Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{screenshot}-{width}.png"), FullPage = true });
            }
        }

        return failures;
    }

    /// <summary>The element that sticks out: wider than the viewport while its parent fits (scrolling containers excepted).</summary>
    private const string WidestElementScript = """
        () => {
          const limit = document.documentElement.clientWidth + 1;
          const scrolls = (el) => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
          const describe = (el) => {
            const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
            return el.tagName.toLowerCase() + cls + ' right=' + Math.round(el.getBoundingClientRect().right);
          };
          for (const el of document.body.querySelectorAll('*')) {
            if (el.getBoundingClientRect().right <= limit || scrolls(el)) continue;
            const parent = el.parentElement;
            if (parent === document.body || parent.getBoundingClientRect().right <= limit) return describe(el);
          }
          return 'unknown';
        }
        """;

    private static async Task<List<string>> AxeViolationsAsync(IPage page, string axe)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(axe);
        }

        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await window.axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')})`);
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "docs", "screenshots");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CityBridge.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("CityBridge.slnx not found above the test binaries.");
    }

    /// <summary>One role's signed-in browser context and page, with what went wrong on the page since the last visit.</summary>
    private sealed class Visitor(string role, IBrowserContext context, IPage page)
    {
        private readonly Dictionary<string, string> _links = [];

        public string Role { get; } = role;

        public IBrowserContext Context { get; } = context;

        public IPage Page { get; } = page;

        public List<string> Problems { get; } = [];

        public static async Task<Visitor> StartAsync(BrowserFixture fixture, string role, string? email, string? key)
        {
            var page = await fixture.NewPageAsync();
            if (email is not null)
            {
                await SignIn.AsAsync(page, email, key);
            }

            var visitor = new Visitor(role, page.Context, page);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    visitor.Problems.Add($"console error: {message.Text}");
                }
            };
            page.PageError += (_, error) => visitor.Problems.Add($"script error: {error}");
            page.Response += (_, response) =>
            {
                if (response.Status >= 500)
                {
                    visitor.Problems.Add($"server error {response.Status} from {response.Url}");
                }
            };
            return visitor;
        }

        /// <summary>Remembers the page's same-site links (first page that shows each) for one check at the end.</summary>
        public async Task CollectLinksAsync(string from)
        {
            var hrefs = await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.href)");
            var origin = new Uri(Page.Url).GetLeftPart(UriPartial.Authority);
            foreach (var href in hrefs)
            {
                if (!href.StartsWith(origin, StringComparison.Ordinal))
                {
                    continue;
                }

                var target = href.Split('#')[0];
                _links.TryAdd(target, from);
            }
        }

        public async Task<List<string>> BrokenLinksAsync()
        {
            var broken = new List<string>();
            foreach (var (target, from) in _links)
            {
                var response = await Context.APIRequest.GetAsync(target, new() { MaxRedirects = 0 });
                if (response.Status == 404 || response.Status >= 500)
                {
                    broken.Add($"{from} as {Role}: link to {new Uri(target).PathAndQuery} answers {response.Status}");
                }

                await response.DisposeAsync();
            }

            return broken;
        }
    }
}
