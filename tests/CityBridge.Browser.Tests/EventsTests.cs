using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class EventsTests(BrowserFixture fixture)
{
    private static async Task OpenDemoEventAsync(IPage page)
    {
        await page.GotoAsync("/Events");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoEvent.Name }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoEvent.Name })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Two_participants_agree_a_meeting_staff_schedule_it_and_both_find_it_on_their_agendas_and_calendars()
    {
        var provider = await fixture.NewPageAsync();
        await SignIn.AsAsync(provider, AccountSeeder.DemoProviderEmail);
        await OpenDemoEventAsync(provider);
        await provider.GetByLabel("Priority for Andi Rahman").SelectOptionAsync("3");
        await provider.GetByLabel("Message to Andi Rahman").FillAsync("Acoustic leak detection for your old city centre");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Request meeting with Andi Rahman" }).ClickAsync();
        await Assertions.Expect(provider.GetByRole(AriaRole.Status)).ToHaveTextAsync("Request sent.");
        var eventPath = new Uri(provider.Url).AbsolutePath;
        var eventId = eventPath[(eventPath.LastIndexOf('/') + 1)..];

        var official = await fixture.NewPageAsync();
        await SignIn.AsAsync(official, AccountSeeder.DemoMakassarOfficialEmail);
        await OpenDemoEventAsync(official);
        await official.GetByRole(AriaRole.Row).Filter(new() { HasText = "Acoustic leak detection" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted");

        var staff = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(staff);
        await staff.GotoAsync($"/Events/Schedule/{eventId}");
        await staff.GetByLabel("Time limit (seconds)").FillAsync("3");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Run the scheduler" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("last-run")).ToContainTextAsync("1 of 1 meetings placed", new() { Timeout = 60_000 });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publish the schedule" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Schedule published");

        foreach (var (page, other) in new[] { (provider, "Andi Rahman"), (official, "Maria Alvarez") })
        {
            await page.GotoAsync($"/Events/Agenda/{eventId}");
            await Assertions.Expect(page.GetByTestId("agenda")).ToContainTextAsync(other);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download calendar (.ics)" }).ClickAsync());
            var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
            Assert.Contains($"SUMMARY:Meeting with {other}", ics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_create_an_event_and_a_badly_written_session_is_explained_beside_the_field()
    {
        var name = $"Transit matchmaking {Guid.NewGuid().ToString("N")[..6]}";
        var staff = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(staff);
        await staff.GotoAsync("/Events");
        await staff.GetByRole(AriaRole.Link, new() { Name = "New event" }).ClickAsync();
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await staff.GetByLabel("Venue", new() { Exact = true }).FillAsync("Queen Sirikit National Convention Center");
        await staff.GetByLabel("Search time zones for Time zone of the venue").FillAsync("bangkok");
        await Assertions.Expect(staff.GetByLabel("Time zone of the venue", new() { Exact = true })).ToHaveValueAsync("Asia/Bangkok");
        await staff.GetByLabel("Meeting sessions").FillAsync("2027-05-10 09:00-12:00 Morning\n2027-05-10 11:00-13:00 Overlapping\ntomorrow morning");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save event" }).ClickAsync();

        var errors = staff.Locator("[data-valmsg-for='SessionLines']");
        await Assertions.Expect(errors).ToContainTextAsync("Line 3 is not");

        await staff.GetByLabel("Meeting sessions").FillAsync("2027-05-10 09:00-12:00 Morning\n2027-05-11 14:00-17:00 Afternoon");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save event" }).ClickAsync();

        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("Event saved.");
        await Assertions.Expect(staff.GetByText("14 meeting slots in all.")).ToBeVisibleAsync();
    }
}
