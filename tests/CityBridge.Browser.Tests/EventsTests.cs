using CityBridge.Web.Features.Accounts;
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
        await provider.GetByLabel("Priority for Andi Rahman (Makassar)").SelectOptionAsync("3");
        await provider.GetByLabel("Message to Andi Rahman (Makassar)").FillAsync("Acoustic leak detection for your old city centre");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Request meeting with Andi Rahman (Makassar)" }).ClickAsync();
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
}
