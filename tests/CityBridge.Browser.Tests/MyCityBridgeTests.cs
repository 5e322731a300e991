using System.Net.Http.Json;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Events;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

/// <summary>
/// The personal loop in the browser: an official's start page, a meeting requested from a match, accepted by the provider,
/// scheduled and published by staff, with the e-mails read from a real SMTP server; a message and its answer; the phone width.
/// The pages it passes are saved to docs/screenshots for docs/getting-around.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MyCityBridgeTests(BrowserFixture fixture)
{
    private const string Project = "Non-revenue water reduction programme";
    private const string Provider = "AquaSense Analytics";

    private static string ScreenshotPath(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CityBridge.slnx")))
        {
            folder = folder.Parent;
        }

        var target = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(target);
        return Path.Combine(target, name);
    }

    private static Task<byte[]> ShootAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = ScreenshotPath(name), FullPage = true });

    /// <summary>Sends what the outbox holds to the sink, as the outbox worker would with an SMTP host set.</summary>
    private async Task DeliverAsync(SmtpSink sink)
    {
        var sender = fixture.App.Services.GetRequiredService<OutboxSender>();
        var settings = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Security = SecureSocketOptions.None };
        for (var pass = 0; pass < 20 && await sender.SendPendingAsync(settings, CancellationToken.None) > 0; pass++)
        {
        }
    }

    /// <summary>An event before the demo one, with both demo sides registered, and the match between them computed.</summary>
    private async Task<int> ArrangeAsync()
    {
        var app = fixture.App;
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var created = await app.Staff.PostAsJsonAsync("/api/events", new EventInput
        {
            Name = $"Water utilities meet-up {Guid.NewGuid().ToString("N")[..6]}",
            Venue = "Makassar city hall",
            TimeZone = "Asia/Makassar",
            SlotMinutes = 20,
            BreakMinutes = 5,
            Tables = 2,
            Sessions = [new SessionInput("Morning", day, new TimeOnly(9, 0), new TimeOnly(11, 0))],
        });
        var eventId = (await created.Content.ReadFromJsonAsync<EventDto>())!.Id;
        foreach (var email in new[] { AccountSeeder.DemoMakassarOfficialEmail, AccountSeeder.DemoProviderEmail })
        {
            using var client = await app.ClientForAsync(email);
            (await client.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null))).EnsureSuccessStatusCode();
        }

        await MatchComputedAsync();
        return eventId;
    }

    private async Task MatchComputedAsync()
    {
        await using var db = fixture.App.NewDb();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await db.Matches.AnyAsync(m => db.Projects.Any(p => p.Id == m.ProjectId && p.Title == Project) && db.Organizations.Any(o => o.Id == m.OrganizationId && o.Name == Provider)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
    }

    private static ILocator MatchOnStartPage(IPage page) =>
        page.GetByTestId("my-project").Filter(new() { HasText = Project }).GetByTestId("my-match").Filter(new() { HasText = Provider }).First;

    private static async Task<ILocator> ShowMatchAsync(IPage page)
    {
        var match = MatchOnStartPage(page);
        if (!await match.IsVisibleAsync())
        {
            // A weak match is folded under "show more".
            await page.GetByTestId("my-project").Filter(new() { HasText = Project }).Locator("summary").First.ClickAsync();
        }

        return match;
    }

    [Fact]
    public async Task An_official_requests_a_meeting_from_a_match_the_provider_accepts_staff_publish_and_both_see_it_and_get_the_emails()
    {
        await using var sink = new SmtpSink();
        var eventId = await ArrangeAsync();

        var official = await fixture.NewPageAsync();
        await SignIn.AsAsync(official, AccountSeeder.DemoMakassarOfficialEmail);
        await Assertions.Expect(official).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/My$"));
        await Assertions.Expect(official.GetByRole(AriaRole.Heading, new() { Name = "My CityBridge" })).ToBeVisibleAsync();
        await ShootAsync(official, "my-official.png");
        var match = await ShowMatchAsync(official);
        await match.GetByRole(AriaRole.Button, new() { Name = "Request a meeting" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("Meeting requested at Water utilities meet-up");

        var provider = await fixture.NewPageAsync();
        await SignIn.AsAsync(provider, AccountSeeder.DemoProviderEmail);
        var waiting = provider.GetByTestId("request-waiting").Filter(new() { HasText = "Andi Rahman" }).Filter(new() { HasText = "Water utilities meet-up" });
        await Assertions.Expect(waiting).ToContainTextAsync(Project);
        await ShootAsync(provider, "my-provider.png");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(provider.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted");

        await DeliverAsync(sink);
        Assert.Contains(sink.To("aquasense.example"), m => (m.Subject ?? "").Contains("asks to meet you at Water utilities meet-up", StringComparison.Ordinal));
        Assert.Contains(sink.To("makassar.example"), m => (m.Subject ?? "").Contains("accepted your meeting request", StringComparison.Ordinal));

        var staff = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(staff);
        var work = staff.GetByTestId("event-to-schedule").Filter(new() { HasText = "Water utilities meet-up" });
        await Assertions.Expect(work).ToContainTextAsync("1 meeting(s) to schedule");
        await ShootAsync(staff, "my-staff.png");
        await work.GetByRole(AriaRole.Link).ClickAsync();
        Assert.EndsWith($"/Events/Schedule/{eventId}", staff.Url, StringComparison.Ordinal);
        await staff.GetByLabel("Time limit (seconds)").FillAsync("3");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Run the scheduler" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("last-run")).ToContainTextAsync("1 of 1 meetings placed", new() { Timeout = 60_000 });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish the schedule" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Schedule published");

        foreach (var (page, other) in new[] { (official, "Maria Alvarez"), (provider, "Andi Rahman") })
        {
            await page.GotoAsync("/My");
            var meeting = page.GetByTestId("my-meeting").Filter(new() { HasText = "Water utilities meet-up" });
            await Assertions.Expect(meeting).ToContainTextAsync(other);
            await Assertions.Expect(meeting).ToContainTextAsync("table");
        }

        await DeliverAsync(sink);
        Assert.Contains(sink.To("aquasense.example"), m => (m.Subject ?? "").StartsWith("Your meetings at Water utilities meet-up", StringComparison.Ordinal) && m.Subject!.EndsWith("are scheduled", StringComparison.Ordinal));
        Assert.Contains(sink.To("makassar.example"), m => (m.Subject ?? "").StartsWith("Your meetings at Water utilities meet-up", StringComparison.Ordinal) && m.Subject!.EndsWith("are scheduled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_official_messages_a_provider_from_a_match_and_the_provider_answers_in_the_same_thread()
    {
        await using var sink = new SmtpSink();
        await MatchComputedAsync();
        var official = await fixture.NewPageAsync();
        await SignIn.AsAsync(official, AccountSeeder.DemoMakassarOfficialEmail);
        var match = await ShowMatchAsync(official);
        await match.GetByRole(AriaRole.Button, new() { Name = "Send a message" }).ClickAsync();
        await official.GetByLabel("Your message").FillAsync("Could you share your results in Surabaya before we meet?");
        await official.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(official.GetByTestId("message").Last).ToContainTextAsync("results in Surabaya");
        var thread = official.Url;

        var provider = await fixture.NewPageAsync();
        await SignIn.AsAsync(provider, AccountSeeder.DemoProviderEmail);
        await provider.GetByTestId("my-conversations").GetByRole(AriaRole.Link).Filter(new() { HasText = "Makassar" }).First.ClickAsync();
        await Assertions.Expect(provider.GetByTestId("thread")).ToContainTextAsync("results in Surabaya");
        await provider.GetByLabel("Your message").FillAsync("Yes: a 31% cut in water losses in two years. Report attached to our profile.");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await ShootAsync(provider, "my-conversation.png");

        await official.GotoAsync(thread);
        await Assertions.Expect(official.GetByTestId("message").Last).ToContainTextAsync("31% cut in water losses");
        await DeliverAsync(sink);
        var notice = Assert.Single(sink.To("aquasense.example"), m => (m.Subject ?? "").StartsWith("New message from Andi Rahman", StringComparison.Ordinal));
        Assert.DoesNotContain("Surabaya", notice.TextBody ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_page_fits_a_390_pixel_phone_without_sideways_scrolling_for_each_role()
    {
        foreach (var (email, key, shot) in new (string, string?, string?)[]
        {
            (AccountSeeder.DemoMakassarOfficialEmail, null, "my-phone.png"),
            (AccountSeeder.DemoProviderEmail, null, null),
            (AccountSeeder.DemoExpertEmail, null, "my-expert.png"),
            (AccountSeeder.DemoStaffEmail, AccountSeeder.DemoStaffAuthenticatorKey, null),
        })
        {
            var page = await fixture.NewPageAsync();
            await page.SetViewportSizeAsync(390, 844);
            await SignIn.AsAsync(page, email, key);
            await page.GotoAsync("/My");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My CityBridge" })).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{email}: the start page is {overflow} px wider than the phone");
            if (shot is not null)
            {
                await ShootAsync(page, shot);
            }
        }
    }
}
