using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

/// <summary>The finished event pages and the event day, at desktop width and on a 390 px phone; screenshots go to docs/screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventDayTests(BrowserFixture fixture)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private async Task<int> DemoEventIdAsync()
    {
        await using var db = fixture.App.NewDb();
        return await db.Events.Where(e => e.Name == DemoEvent.Name).Select(e => e.Id).SingleAsync();
    }

    /// <summary>The page fits its width: nothing scrolls sideways.</summary>
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CityBridge.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var width = page.ViewportSize?.Width ?? 1280;
        Directory.CreateDirectory(Path.Combine(root, "docs", "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(root, "docs", "screenshots", $"events-{name}-{width}.png"), FullPage = true });
    }

    private async Task<IPage> PageAsync(string? email, int width)
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        if (email == AccountSeeder.DemoStaffEmail)
        {
            await SignIn.AsStaffAsync(page);
        }
        else if (email is not null)
        {
            await SignIn.AsAsync(page, email);
        }

        return page;
    }

    /// <summary>An event with one session on <paramref name="day"/>, AquaSense and Da Nang's agreed meeting placed, and the schedule published.</summary>
    private async Task<int> PublishedMeetingAsync(DateOnly day, string name)
    {
        var app = fixture.App;
        var input = new EventInput
        {
            Name = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            Venue = "Hall B",
            TimeZone = "Asia/Jakarta",
            Tables = 2,
            Sessions = [new SessionInput("Morning", day, new TimeOnly(9, 0), new TimeOnly(10, 0))],
        };
        var eventId = (await (await app.Staff.PostAsJsonAsync("/api/events", input, Json)).Content.ReadFromJsonAsync<EventDto>(Json))!.Id;
        var official = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        (await official.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), Json)).EnsureSuccessStatusCode();
        (await provider.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), Json)).EnsureSuccessStatusCode();
        var daNang = (await provider.GetFromJsonAsync<CollectionResponse<Registrant>>($"/api/events/{eventId}/registrants", Json))!.Items.Single();
        var request = await provider.PostAsJsonAsync($"/api/events/{eventId}/requests", new RequestInput(daNang.Id, 2, null), Json);
        var requestId = (await request.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        (await official.PostAsync($"/api/events/{eventId}/requests/{requestId}/accept", null)).EnsureSuccessStatusCode();
        (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule", new ScheduleInput(3, false), Json)).EnsureSuccessStatusCode();
        await using (var db = app.NewDb())
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await db.EventMeetings.AnyAsync(m => m.EventId == eventId && m.SlotIndex == null) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }

        (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(true), Json)).EnsureSuccessStatusCode();
        return eventId;
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task Moving_a_session_under_a_published_meeting_shows_the_meeting_and_saves_only_when_staff_choose_to_replan(int width)
    {
        var eventId = await PublishedMeetingAsync(new DateOnly(2027, 8, 3), "Edited matchmaking");
        var staff = await PageAsync(AccountSeeder.DemoStaffEmail, width);
        await staff.GotoAsync($"/Events/Edit/{eventId}");
        await staff.GetByLabel("Meeting sessions").FillAsync("2027-08-03 14:00-15:00 Afternoon");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save event" }).ClickAsync();

        await Assertions.Expect(staff.GetByTestId("affected")).ToContainTextAsync("Maria Alvarez, AquaSense Analytics");
        await Assertions.Expect(staff.GetByTestId("affected")).ToContainTextAsync("no longer a meeting slot");
        await AssertNoSidewaysScrollAsync(staff);
        await ScreenshotAsync(staff, "edit-affected");
        await using (var db = fixture.App.NewDb())
        {
            Assert.NotNull(await db.EventMeetings.Where(m => m.EventId == eventId).Select(m => m.SlotIndex).SingleAsync());
        }

        await staff.GetByLabel("Save and re-plan these meetings").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save event" }).ClickAsync();

        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("Event saved.");
        // The save took the meeting out (SEQUENCE 1) and started a repair run, which places it in the afternoon (SEQUENCE 2).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        EventMeeting meeting;
        do
        {
            await Task.Delay(200);
            await using var check = fixture.App.NewDb();
            meeting = await check.EventMeetings.AsNoTracking().SingleAsync(m => m.EventId == eventId);
        }
        while (meeting.SlotIndex is null && DateTime.UtcNow < deadline);

        Assert.NotNull(meeting.SlotIndex);
        Assert.Equal(2, meeting.Sequence);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task A_participant_shows_the_code_on_their_agenda_and_staff_check_them_in_at_the_desk(int width)
    {
        var eventId = await DemoEventIdAsync();
        var official = await PageAsync(AccountSeeder.DemoMakassarOfficialEmail, width);
        await official.GotoAsync($"/Events/Agenda/{eventId}");
        var code = (await official.Locator(".ev-code").InnerTextAsync()).Trim();
        var qr = await official.EvaluateAsync<int>("() => document.querySelector('[data-testid=checkin-code] img').naturalWidth");
        await AssertNoSidewaysScrollAsync(official);
        await ScreenshotAsync(official, "agenda");

        var staff = await PageAsync(AccountSeeder.DemoStaffEmail, width);
        await staff.GotoAsync($"/Events/CheckIn/{eventId}");
        await staff.GetByLabel("Check-in code").FillAsync(code.ToLowerInvariant());
        await staff.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();

        Assert.Matches("^[A-Z2-9]{8}$", code);
        Assert.True(qr > 0, "The QR code image did not load.");
        await Assertions.Expect(staff.GetByTestId("checked-in")).ToContainTextAsync("Andi Rahman");
        await AssertNoSidewaysScrollAsync(staff);
        await ScreenshotAsync(staff, "checkin");
    }

    [Fact]
    public async Task Staff_scan_the_QR_code_on_a_participant_s_agenda_with_the_camera_and_the_desk_checks_them_in()
    {
        var eventId = await PublishedMeetingAsync(new DateOnly(2027, 9, 14), "Scanned check-in");
        var participant = await PageAsync(AccountSeeder.DemoDaNangOfficialEmail, 390);
        await participant.GotoAsync($"/Events/Agenda/{eventId}");
        var provider = await PageAsync(AccountSeeder.DemoProviderEmail, 390);
        await provider.GotoAsync($"/Events/Agenda/{eventId}");
        var providerCode = (await provider.Locator(".ev-code").InnerTextAsync()).Trim();
        // The camera films the QR code exactly as the agenda serves it (an SVG from QRCoder).
        await using var camera = await FakeCamera.FilmingAsync(participant.GetByTestId("checkin-code").Locator("img"));
        await using var browser = await fixture.LaunchAsync(camera.Switches);

        var staff = await fixture.NewPageAsync(browser, ["camera"]);
        await staff.SetViewportSizeAsync(390, 844);
        await SignIn.AsStaffAsync(staff);
        await staff.GotoAsync($"/Events/CheckIn/{eventId}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Scan with the camera" }).ClickAsync();

        // Starting the camera and decoding take a few seconds on a busy machine; the scan then submits the form.
        await Assertions.Expect(staff.GetByTestId("checked-in")).ToContainTextAsync("Checked in: Linh Tran", new() { Timeout = 60_000 });
        await Assertions.Expect(staff.Locator(".lead")).ToContainTextAsync("1 of 2 participants checked in");
        await AssertNoSidewaysScrollAsync(staff);
        await participant.ReloadAsync();
        await Assertions.Expect(participant.GetByTestId("checkin-code").Locator(".ev-status")).ToHaveTextAsync("Checked in");

        // A desk whose browser may not use the camera says so, and the typed code still checks people in.
        var refused = await fixture.NewPageAsync(browser, []);
        await refused.SetViewportSizeAsync(390, 844);
        await SignIn.AsStaffAsync(refused);
        await refused.GotoAsync($"/Events/CheckIn/{eventId}");
        await refused.GetByRole(AriaRole.Button, new() { Name = "Scan with the camera" }).ClickAsync();
        var unavailable = refused.GetByRole(AriaRole.Button, new() { Name = "Camera unavailable: this browser may not use it" });
        await Assertions.Expect(unavailable).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(unavailable).ToContainTextAsync("Type the code below");
        await refused.GetByLabel("Check-in code").FillAsync(providerCode);
        await refused.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Assertions.Expect(refused.GetByTestId("checked-in")).ToContainTextAsync("Checked in: Maria Alvarez");
        await Assertions.Expect(refused.Locator(".lead")).ToContainTextAsync("2 of 2 participants checked in");
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task Event_details_name_people_once_say_priority_in_words_and_use_the_same_status_in_both_lists(int width)
    {
        var eventId = await DemoEventIdAsync();
        var provider = await PageAsync(AccountSeeder.DemoProviderEmail, width);
        await provider.GotoAsync($"/Events/Details/{eventId}");
        var participants = provider.GetByTestId("participants");
        if (await participants.GetByRole(AriaRole.Button, new() { Name = "Request meeting with Andi Rahman" }).CountAsync() > 0)
        {
            await provider.GetByLabel("Priority for Andi Rahman").SelectOptionAsync(new SelectOptionValue { Label = "Must meet" });
            await provider.GetByRole(AriaRole.Button, new() { Name = "Request meeting with Andi Rahman" }).ClickAsync();
        }

        var requestRow = provider.GetByTestId("my-requests").GetByRole(AriaRole.Row).Filter(new() { HasText = "Andi Rahman" });
        var status = (await requestRow.Locator(".ev-status").InnerTextAsync()).Trim();
        var participantStatus = (await participants.GetByRole(AriaRole.Row).Filter(new() { HasText = "Andi Rahman" }).Locator(".ev-status").InnerTextAsync()).Trim();

        await Assertions.Expect(provider.Locator("main")).Not.ToContainTextAsync("(Makassar) (");
        await Assertions.Expect(requestRow).ToContainTextAsync("Must meet");
        Assert.Equal(status, participantStatus);
        await AssertNoSidewaysScrollAsync(provider);
        await ScreenshotAsync(provider, "details");
    }

    [Fact]
    public async Task A_user_creates_replaces_and_turns_off_their_calendar_feed()
    {
        var page = await PageAsync(AccountSeeder.DemoDaNangOfficialEmail, 390);
        await page.GotoAsync("/Events/Calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my calendar feed" }).ClickAsync();
        var first = await page.GetByLabel("Address to paste", new() { Exact = false }).InputValueAsync();
        var webcal = await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe in my calendar app" }).GetAttributeAsync("href");
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "calendar-feed");
        var feed = await fixture.App.Client.GetAsync(new Uri(first).AbsolutePath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace the address" }).ClickAsync();
        var second = await page.GetByLabel("Address to paste", new() { Exact = false }).InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn the feed off" }).ClickAsync();

        Assert.StartsWith("webcal://", webcal, StringComparison.Ordinal);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(first, second);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create my calendar feed" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task After_a_meeting_a_participant_marks_it_held_and_rates_it_in_two_taps_and_staff_see_the_funnel()
    {
        var eventId = await PublishedMeetingAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), "Yesterday's matchmaking");

        var page = await PageAsync(AccountSeeder.DemoDaNangOfficialEmail, 390);
        await page.GotoAsync($"/Events/Agenda/{eventId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "We met" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked held");
        await page.GetByRole(AriaRole.Button, new() { Name = "Useful, follow up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("follow-up is in the pipeline");
        await Assertions.Expect(page.GetByTestId("agenda")).ToContainTextAsync("follow-up wanted");
        await AssertNoSidewaysScrollAsync(page);

        foreach (var width in new[] { 1366, 390 })
        {
            var staff = await PageAsync(AccountSeeder.DemoStaffEmail, width);
            await staff.GotoAsync($"/Events/Funnel/{eventId}");
            var funnel = staff.GetByTestId($"funnel-{eventId}");
            await Assertions.Expect(funnel.GetByRole(AriaRole.Row).Filter(new() { HasText = "Held" })).ToContainTextAsync("1");
            await Assertions.Expect(funnel.GetByRole(AriaRole.Row).Filter(new() { HasText = "Opportunities" })).ToContainTextAsync("1");
            await AssertNoSidewaysScrollAsync(staff);
            await ScreenshotAsync(staff, "funnel");
        }
    }
}
