using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Programs;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

/// <summary>Calendars, the personal feed, check-in, attendance, ratings, the funnel and safe edits of matchmaking events.</summary>
[Collection(AppCollection.Name)]
public sealed class EventDayTests(AppFixture apps)
{
    /// <summary>An event with one session on <paramref name="day"/> (09:00-10:00 Jakarta), AquaSense and Da Nang registered, and their agreed meeting.</summary>
    private static async Task<(int EventId, HttpClient Official, HttpClient Provider, int MeetingId)> AgreedMeetingAsync(TestApp app, DateOnly day, string name)
    {
        var input = new EventInput
        {
            Name = Unique.Name(name),
            Venue = "Test hall",
            TimeZone = "Asia/Jakarta",
            SlotMinutes = 20,
            BreakMinutes = 10,
            Tables = 2,
            Sessions = [new SessionInput("Morning", day, new TimeOnly(9, 0), new TimeOnly(10, 0))],
        };
        var created = await app.Staff.PostAsJsonAsync("/api/events", input, AppFixture.Json);
        var eventId = (await created.Content.ReadFromJsonAsync<EventDto>(AppFixture.Json))!.Id;
        var official = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        (await official.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json)).EnsureSuccessStatusCode();
        (await provider.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json)).EnsureSuccessStatusCode();
        var registrants = (await provider.GetFromJsonAsync<CollectionResponse<Registrant>>($"/api/events/{eventId}/registrants", AppFixture.Json))!.Items;
        var daNang = registrants.Single(r => r.OrganizationName?.Contains("Da Nang", StringComparison.Ordinal) == true);
        var request = await provider.PostAsJsonAsync($"/api/events/{eventId}/requests", new RequestInput(daNang.Id, 3, "Leak detection"), AppFixture.Json);
        var requestId = (await request.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        (await official.PostAsync($"/api/events/{eventId}/requests/{requestId}/accept", null)).EnsureSuccessStatusCode();
        await using var db = app.NewDb();
        var meetingId = await db.EventMeetings.Where(m => m.RequestId == requestId).Select(m => m.Id).SingleAsync();
        return (eventId, official, provider, meetingId);
    }

    private static async Task ScheduleAsync(HttpClient staff, int eventId)
    {
        var started = await staff.PostAsJsonAsync($"/api/events/{eventId}/schedule", new ScheduleInput(3, false), AppFixture.Json);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await RunFinishesAsync(staff, eventId);
    }

    /// <summary>Waits for the event's latest scheduler run (started by staff or by a re-planning edit) and asserts it finished.</summary>
    private static async Task RunFinishesAsync(HttpClient staff, int eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        SchedulingRun run;
        do
        {
            await Task.Delay(200);
            run = (await staff.GetFromJsonAsync<SchedulingRun>($"/api/events/{eventId}/schedule", AppFixture.Json))!;
        }
        while (run.State is SchedulingJob.Queued or SchedulingJob.Running or SchedulingJob.Stopping && DateTime.UtcNow < deadline);

        Assert.Equal(SchedulingJob.Finished, run.State);
    }

    private static async Task<IcsComponent> MeetingEventAsync(HttpClient client, int eventId, int meetingId)
    {
        var calendar = IcsChecker.Parse(await client.GetStringAsync($"/api/events/{eventId}/agenda.ics"));
        return calendar.All("VEVENT").Single(e => e.Value("UID") == EventCalendar.MeetingUid(eventId, meetingId));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_registrant_without_meetings_gets_the_event_sessions_never_an_empty_calendar(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var created = await app.Staff.PostAsJsonAsync("/api/events", new EventInput
        {
            Name = Unique.Name("Empty calendar"),
            TimeZone = "Asia/Bangkok",
            Sessions = [new SessionInput("Only session", new DateOnly(2027, 6, 1), new TimeOnly(13, 0), new TimeOnly(14, 0))],
        }, AppFixture.Json);
        var eventId = (await created.Content.ReadFromJsonAsync<EventDto>(AppFixture.Json))!.Id;
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        (await official.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json)).EnsureSuccessStatusCode();

        var calendar = IcsChecker.Parse(await official.GetStringAsync($"/api/events/{eventId}/agenda.ics"));

        var session = Assert.Single(calendar.All("VEVENT"));
        Assert.Equal("20270601T060000Z", session.Value("DTSTART"));
        Assert.Contains("Only session", session.Value("SUMMARY"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_session_edit_under_a_published_meeting_is_refused_until_staff_replan_and_then_the_calendar_sequence_rises(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, official, _, meetingId) = await AgreedMeetingAsync(app, new DateOnly(2027, 4, 6), "Replan");
        await ScheduleAsync(app.Staff, eventId);
        (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(true), AppFixture.Json)).EnsureSuccessStatusCode();
        var before = await MeetingEventAsync(official, eventId, meetingId);
        var dto = (await app.Staff.GetFromJsonAsync<EventDto>($"/api/events/{eventId}", AppFixture.Json))!;
        var edit = new EventInput { Name = dto.Name, Venue = dto.Venue, TimeZone = dto.TimeZone, SlotMinutes = dto.SlotMinutes, BreakMinutes = dto.BreakMinutes, Tables = dto.Tables, Version = dto.Version };
        edit.Sessions = [new SessionInput("Morning", new DateOnly(2027, 4, 6), new TimeOnly(11, 5), new TimeOnly(12, 5))];

        var refused = await app.Staff.PutAsJsonAsync($"/api/events/{eventId}", edit, AppFixture.Json);
        await using (var db = app.NewDb())
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("would move 1 placed meetings", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull((await db.EventMeetings.SingleAsync(m => m.Id == meetingId)).SlotIndex);
        }

        edit.ReplanAffected = true;
        edit.Version = null;
        (await app.Staff.PutAsJsonAsync($"/api/events/{eventId}", edit, AppFixture.Json)).EnsureSuccessStatusCode();
        await RunFinishesAsync(app.Staff, eventId);
        var after = await MeetingEventAsync(official, eventId, meetingId);

        Assert.Equal("0", before.Value("SEQUENCE"));
        Assert.True(int.Parse(after.Value("SEQUENCE")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.NotEqual(before.Value("DTSTART"), after.Value("DTSTART"));
        Assert.StartsWith("20270406T04", after.Value("DTSTART"), StringComparison.Ordinal);
        Assert.NotNull(after.Value("LAST-MODIFIED"));
        await using var check = app.NewDb();
        var told = await check.Outbox.Where(m => m.NoticeKey!.StartsWith("meeting-moved:") && m.Subject.Contains(edit.Name)).Select(m => m.To).ToListAsync();
        Assert.Equal([AccountSeeder.DemoDaNangOfficialEmail, AccountSeeder.DemoProviderEmail], told.Order());
        // Each side's e-mail carries the moved meeting as a calendar file that agrees with the agenda: new time, same UID, raised SEQUENCE.
        var latest = await AttachedMeetingsAsync(app, $"meeting-moved:{meetingId}:{after.Value("SEQUENCE")}:", eventId, meetingId);
        Assert.Equal(2, latest.Count);
        foreach (var attached in latest)
        {
            Assert.Equal((after.Value("DTSTART"), after.Value("SEQUENCE"), "CONFIRMED"), (attached.Value("DTSTART"), attached.Value("SEQUENCE"), attached.Value("STATUS")));
        }
    }

    /// <summary>
    /// Delivers the outbox over SMTP and returns, from each delivered notice whose key starts with <paramref name="keyPrefix"/>,
    /// the meeting in the calendar file attached to it.
    /// </summary>
    private static async Task<List<IcsComponent>> AttachedMeetingsAsync(TestApp app, string keyPrefix, int eventId, int meetingId)
    {
        List<string> messageIds;
        await using (var db = app.NewDb())
        {
            messageIds = await db.Outbox.Where(m => m.NoticeKey!.StartsWith(keyPrefix)).Select(m => m.MessageId).ToListAsync();
        }

        await using var sink = await OutboxDelivery.DeliverAllAsync(app);
        Assert.NotEmpty(messageIds);
        return messageIds.Select(id =>
        {
            var mail = Assert.Single(sink.Messages, m => m.MessageId == id);
            Assert.Contains("The attached meeting.ics updates your calendar", mail.TextBody, StringComparison.Ordinal);
            return Assert.Single(OutboxDelivery.AttachedCalendar(mail).All("VEVENT"), e => e.Value("UID") == EventCalendar.MeetingUid(eventId, meetingId));
        }).ToList();
    }

    /// <summary>
    /// A published event of one morning session from 09:00 to <paramref name="end"/> (20-minute slots every 30 minutes,
    /// two tables) with the demo accounts registered and <paramref name="placed"/> meetings (people by index, slot, table).
    /// </summary>
    private static async Task<(EventDto Event, List<EventMeeting> Meetings)> PublishedAsync(TestApp app, DateOnly day, TimeOnly end, params (int First, int Second, int Slot, int Table)[] placed)
    {
        var created = await app.Staff.PostAsJsonAsync("/api/events", new EventInput
        {
            Name = Unique.Name("Repair"),
            TimeZone = "Asia/Jakarta",
            SlotMinutes = 20,
            BreakMinutes = 10,
            Tables = 2,
            Sessions = [new SessionInput("Morning", day, new TimeOnly(9, 0), end)],
        }, AppFixture.Json);
        var dto = (await created.Content.ReadFromJsonAsync<EventDto>(AppFixture.Json))!;
        string[] emails = [AccountSeeder.DemoMakassarOfficialEmail, AccountSeeder.DemoDaNangOfficialEmail, AccountSeeder.DemoProviderEmail, AccountSeeder.DemoExpertEmail, AccountSeeder.DemoStaffEmail];
        await using (var db = app.NewDb())
        {
            var users = await db.Users.Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email!, u => u.Id);
            var people = emails.Select(e => new EventRegistration { EventId = dto.Id, UserId = users[e], DisplayName = e, RegisteredAt = DateTimeOffset.UtcNow }).ToList();
            db.EventRegistrations.AddRange(people);
            await db.SaveChangesAsync();
            var meetings = placed.Select(p => new EventMeeting { EventId = dto.Id, FirstRegistrationId = people[p.First].Id, SecondRegistrationId = people[p.Second].Id, SlotIndex = p.Slot, Table = p.Table, CreatedAt = DateTimeOffset.UtcNow }).ToList();
            db.EventMeetings.AddRange(meetings);
            await db.SaveChangesAsync();
            (await app.Staff.PostAsJsonAsync($"/api/events/{dto.Id}/schedule/publish", new PublishInput(true), AppFixture.Json)).EnsureSuccessStatusCode();
            return (dto, meetings);
        }
    }

    /// <summary>Staff shorten the session to end at <paramref name="end"/> and re-plan; waits for the repair run.</summary>
    private static async Task ShortenAndReplanAsync(TestApp app, EventDto dto, DateOnly day, TimeOnly end)
    {
        var edit = new EventInput { Name = dto.Name, TimeZone = dto.TimeZone, SlotMinutes = 20, BreakMinutes = 10, Tables = 2, ReplanAffected = true };
        edit.Sessions = [new SessionInput("Morning", day, new TimeOnly(9, 0), end)];
        (await app.Staff.PutAsJsonAsync($"/api/events/{dto.Id}", edit, AppFixture.Json)).EnsureSuccessStatusCode();
        await RunFinishesAsync(app.Staff, dto.Id);
    }

    private static async Task<List<string>> ToldAsync(TestApp app, EventDto dto)
    {
        await using var db = app.NewDb();
        var moved = await db.Outbox.Where(m => m.NoticeKey!.StartsWith("meeting-moved:")).Select(m => new { m.To, m.Subject }).ToListAsync();
        return moved.Where(m => m.Subject.StartsWith("Changed: your meeting with ", StringComparison.Ordinal) && m.Subject.EndsWith($" at {dto.Name}", StringComparison.Ordinal))
            .Select(m => m.To).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A published morning of two slots (09:00, 09:30) and two tables: A–B and C–D at 09:00, A–C at 09:30; then staff cancel
    /// A–B, which frees 09:00 at table 1. B–E waits and fits (B and E are free at 09:00); A–D waits and fits nowhere (A is
    /// busy at 09:30, D at 09:00).
    /// </summary>
    private static async Task<(EventDto Event, List<EventMeeting> Published, EventMeeting Fits, EventMeeting FitsNowhere)> FreedPlaceAsync(TestApp app, DateOnly day)
    {
        var (dto, published) = await PublishedAsync(app, day, new TimeOnly(10, 0), (0, 1, 0, 1), (2, 3, 0, 2), (0, 2, 1, 1));
        var people = published.SelectMany(m => new[] { m.FirstRegistrationId, m.SecondRegistrationId }).Distinct().ToList();
        await using var db = app.NewDb();
        var e = await db.EventRegistrations.Where(r => r.EventId == dto.Id && !people.Contains(r.Id)).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var b = published[0].SecondRegistrationId;
        var (a, d) = (published[0].FirstRegistrationId, published[1].SecondRegistrationId);
        var fits = new EventMeeting { EventId = dto.Id, FirstRegistrationId = b, SecondRegistrationId = e, Weight = 3, CreatedAt = DateTimeOffset.UtcNow };
        var fitsNowhere = new EventMeeting { EventId = dto.Id, FirstRegistrationId = a, SecondRegistrationId = d, Weight = 9, CreatedAt = DateTimeOffset.UtcNow };
        db.EventMeetings.AddRange(fits, fitsNowhere);
        await db.SaveChangesAsync();
        (await app.Staff.PostAsync($"/api/events/{dto.Id}/meetings/{published[0].Id}/cancel", null)).EnsureSuccessStatusCode();
        return (dto, published, fits, fitsNowhere);
    }

    private static async Task<List<string>> ToldOfNewTimesAsync(TestApp app, EventDto dto)
    {
        await using var db = app.NewDb();
        return (await db.Outbox.Where(m => m.NoticeKey!.StartsWith("meeting-moved:") && m.Subject.EndsWith($" at {dto.Name}")).Select(m => m.To).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> EmailsOfAsync(TestApp app, params int[] registrationIds)
    {
        await using var db = app.NewDb();
        return (await (from r in db.EventRegistrations join u in db.Users on r.UserId equals u.Id where registrationIds.Contains(r.Id) select u.Email!).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_fill_a_place_freed_by_a_cancellation_with_a_waiting_meeting_and_only_its_two_people_are_told(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (dto, published, fits, fitsNowhere) = await FreedPlaceAsync(app, new DateOnly(2027, 5, 3));

        var freed = Assert.Single((await app.Staff.GetFromJsonAsync<List<FreedSlot>>($"/api/events/{dto.Id}/freed", AppFixture.Json))!);
        Assert.Equal((0, 1, "cancelled"), (freed.SlotIndex, freed.Table, freed.Why));
        Assert.Equal([fits.Id], freed.Candidates.Select(c => c.Id));

        var filled = await app.Staff.PostAsJsonAsync($"/api/events/{dto.Id}/freed", new FillInput(fits.Id, 0, 1), AppFixture.Json);
        Assert.Equal(HttpStatusCode.NoContent, filled.StatusCode);
        var again = await app.Staff.PostAsJsonAsync($"/api/events/{dto.Id}/freed", new FillInput(fitsNowhere.Id, 0, 1), AppFixture.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await using var check = app.NewDb();
        var placed = await check.EventMeetings.AsNoTracking().SingleAsync(m => m.Id == fits.Id);
        Assert.Equal((0, 1), (placed.SlotIndex, placed.Table));
        Assert.Null((await check.EventMeetings.AsNoTracking().SingleAsync(m => m.Id == fitsNowhere.Id)).SlotIndex);
        Assert.Equal(await EmailsOfAsync(app, fits.FirstRegistrationId, fits.SecondRegistrationId), await ToldOfNewTimesAsync(app, dto));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_scheduler_fills_free_places_ahead_with_waiting_meetings_without_moving_a_published_one(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (dto, published, fits, fitsNowhere) = await FreedPlaceAsync(app, new DateOnly(2027, 5, 4));

        var filled = await app.Staff.PostAsync($"/api/events/{dto.Id}/freed/fill", null);
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        Assert.Equal(1, (await filled.Content.ReadFromJsonAsync<FillResult>(AppFixture.Json))!.Placed);

        await using var check = app.NewDb();
        var after = await check.EventMeetings.AsNoTracking().Where(m => m.EventId == dto.Id).ToDictionaryAsync(m => m.Id);
        Assert.All(published.Skip(1), m => Assert.Equal((m.SlotIndex, m.Table, 0), (after[m.Id].SlotIndex, after[m.Id].Table, after[m.Id].Sequence)));
        Assert.NotNull(after[fits.Id].SlotIndex);
        Assert.Null(after[fitsNowhere.Id].SlotIndex);
        Assert.Equal(await EmailsOfAsync(app, fits.FirstRegistrationId, fits.SecondRegistrationId), await ToldOfNewTimesAsync(app, dto));
        // Asked again, nothing more fits and nobody hears anything twice.
        var second = await app.Staff.PostAsync($"/api/events/{dto.Id}/freed/fill", null);
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<FillResult>(AppFixture.Json))!.Placed);
        Assert.Equal(2, (await ToldOfNewTimesAsync(app, dto)).Count);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Filling_free_places_is_for_staff_only(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (dto, _, _, _) = await FreedPlaceAsync(app, new DateOnly(2027, 5, 5));
        var official = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync($"/api/events/{dto.Id}/freed/fill", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.PostAsync($"/api/events/{dto.Id}/freed/fill", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Replanning_an_edit_moves_the_fewest_published_meetings_and_emails_only_their_people(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var day = new DateOnly(2027, 4, 9);
        // Slots 09:00, 09:30 and 10:00; the edit drops 10:00. A meets C at 09:00 and B meets D at 09:30, so A and B
        // (at 10:00) only fit again if exactly one of those two moves.
        var (dto, meetings) = await PublishedAsync(app, day, new TimeOnly(10, 30), (0, 2, 0, 1), (1, 3, 1, 1), (0, 1, 2, 2));
        var (ac, bd, ab) = (meetings[0], meetings[1], meetings[2]);

        await ShortenAndReplanAsync(app, dto, day, new TimeOnly(10, 0));

        await using var check = app.NewDb();
        var after = await check.EventMeetings.AsNoTracking().Where(m => m.EventId == dto.Id).ToDictionaryAsync(m => m.Id);
        var movedOnes = new[] { ac, bd }.Where(m => (after[m.Id].SlotIndex, after[m.Id].Table) != (m.SlotIndex, m.Table)).ToList();
        var kept = Assert.Single(new[] { ac, bd }.Except(movedOnes));
        var moved = Assert.Single(movedOnes);
        Assert.NotNull(after[ab.Id].SlotIndex);
        Assert.NotNull(after[moved.Id].SlotIndex);
        Assert.Equal(0, after[kept.Id].Sequence);
        Assert.True(after[moved.Id].Sequence >= 1);
        var registrants = await check.EventRegistrations.AsNoTracking().Where(r => r.EventId == dto.Id).ToDictionaryAsync(r => r.Id, r => r.DisplayName);
        var expected = new[] { ab.FirstRegistrationId, ab.SecondRegistrationId, moved.FirstRegistrationId, moved.SecondRegistrationId }.Select(id => registrants[id]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, await ToldAsync(app, dto));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Replanning_an_edit_keeps_published_meetings_in_place_even_where_a_free_run_would_close_an_idle_gap(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var day = new DateOnly(2027, 4, 12);
        // Slots 09:00 to 10:30; the edit drops 10:30. C meets D at 09:00 and E at 10:00 (an idle gap a free run would
        // close by moving one of them to 09:30); A and B met at 10:30 and need a new time.
        var (dto, meetings) = await PublishedAsync(app, day, new TimeOnly(11, 0), (2, 3, 0, 1), (2, 4, 2, 1), (0, 1, 3, 1));

        await ShortenAndReplanAsync(app, dto, day, new TimeOnly(10, 30));

        await using var check = app.NewDb();
        var after = await check.EventMeetings.AsNoTracking().Where(m => m.EventId == dto.Id).ToDictionaryAsync(m => m.Id);
        Assert.Equal((0, 1, 0), (after[meetings[0].Id].SlotIndex!.Value, after[meetings[0].Id].Table!.Value, after[meetings[0].Id].Sequence));
        Assert.Equal((2, 1, 0), (after[meetings[1].Id].SlotIndex!.Value, after[meetings[1].Id].Table!.Value, after[meetings[1].Id].Sequence));
        Assert.InRange(after[meetings[2].Id].SlotIndex!.Value, 0, 2);
        Assert.Equal([AccountSeeder.DemoDaNangOfficialEmail, AccountSeeder.DemoMakassarOfficialEmail], await ToldAsync(app, dto));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_cancelled_meeting_stays_in_the_calendar_as_cancelled_with_a_higher_sequence(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, official, _, meetingId) = await AgreedMeetingAsync(app, new DateOnly(2027, 4, 7), "Cancel");
        await ScheduleAsync(app.Staff, eventId);
        (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(true), AppFixture.Json)).EnsureSuccessStatusCode();

        (await app.Staff.PostAsync($"/api/events/{eventId}/meetings/{meetingId}/cancel", null)).EnsureSuccessStatusCode();
        var cancelled = await MeetingEventAsync(official, eventId, meetingId);

        Assert.Equal("CANCELLED", cancelled.Value("STATUS"));
        Assert.Equal("1", cancelled.Value("SEQUENCE"));
        Assert.Equal(HttpStatusCode.Conflict, (await app.Staff.PostAsync($"/api/events/{eventId}/meetings/{meetingId}/cancel", null)).StatusCode);
        var attached = await AttachedMeetingsAsync(app, $"meeting-cancelled:{meetingId}:", eventId, meetingId);
        Assert.Equal(2, attached.Count);
        Assert.All(attached, a => Assert.Equal(("CANCELLED", "1", cancelled.Value("DTSTART")), (a.Value("STATUS"), a.Value("SEQUENCE"), a.Value("DTSTART"))));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_personal_feed_holds_meetings_and_program_sessions_and_a_replaced_or_revoked_address_stops_working(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, _, provider, meetingId) = await AgreedMeetingAsync(app, new DateOnly(2027, 4, 8), "Feed");
        await ScheduleAsync(app.Staff, eventId);
        (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(true), AppFixture.Json)).EnsureSuccessStatusCode();
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);

        var first = (await (await official.PostAsync("/api/calendar-feed", null)).Content.ReadFromJsonAsync<CalendarFeedView>(AppFixture.Json))!;
        var providerFeed = (await (await provider.PostAsync("/api/calendar-feed", null)).Content.ReadFromJsonAsync<CalendarFeedView>(AppFixture.Json))!;
        var officialCalendar = IcsChecker.Parse(await app.Client.GetStringAsync(first.Https.AbsolutePath));
        var providerCalendar = IcsChecker.Parse(await app.Client.GetStringAsync(providerFeed.Https.AbsolutePath));
        var second = (await (await official.PostAsync("/api/calendar-feed", null)).Content.ReadFromJsonAsync<CalendarFeedView>(AppFixture.Json))!;
        var oldAddress = await app.Client.GetAsync(first.Https.AbsolutePath);
        (await official.PostAsync("/api/calendar-feed/revoke", null)).EnsureSuccessStatusCode();
        var revoked = await app.Client.GetAsync(second.Https.AbsolutePath);

        Assert.Equal("webcal", first.Webcal.Scheme);
        Assert.Contains(providerCalendar.All("VEVENT"), e => e.Value("UID") == EventCalendar.MeetingUid(eventId, meetingId));
        // Makassar's official is approved for the demo workshop: its sessions are in the feed.
        Assert.Contains(officialCalendar.All("VEVENT"), e => e.Value("UID")!.StartsWith("citybridge-program-", StringComparison.Ordinal));
        Assert.NotEqual(first.Https, second.Https);
        Assert.Equal(HttpStatusCode.NotFound, oldAddress.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_program_agenda_is_a_calendar_with_one_event_per_session(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var db = app.NewDb();
        var program = await db.Programs.Include(p => p.Sessions).SingleAsync(p => p.Name == DemoPrograms.WorkshopName);

        var calendar = IcsChecker.Parse(await app.Client.GetStringAsync($"/api/programs/{program.Id}/agenda.ics"));

        Assert.Equal(program.Sessions.Select(s => $"citybridge-program-{program.Id}-session-{s.Id}@citybridge").Order(),
            calendar.All("VEVENT").Select(e => e.Value("UID")!).Order());
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_scheduler_run_is_audited_under_its_own_name_not_as_an_anonymous_visitor(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, _, _, _) = await AgreedMeetingAsync(app, new DateOnly(2027, 4, 21), "Audited run");

        await ScheduleAsync(app.Staff, eventId);

        await using var db = app.NewDb();
        var key = eventId.ToString(CultureInfo.InvariantCulture);
        var runId = await db.SchedulingJobs.Where(j => j.EventId == eventId).Select(j => j.Id).SingleAsync();
        var names = await db.AuditLog.Where(a => a.EntityType == nameof(MatchmakingEvent) && a.EntityId == key).Select(a => a.UserName).ToListAsync();
        Assert.Contains($"scheduler run {runId}", names);
        Assert.DoesNotContain("anonymous", names);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Moving_a_program_session_raises_its_calendar_sequence_so_imported_calendars_take_the_new_time(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var day = new DateOnly(2027, 6, 7);
        var created = await app.Staff.PostAsJsonAsync("/api/programs", new ProgramInput
        {
            Name = Unique.Name("Calendar workshop"),
            Kind = Core.Programs.ProgramKind.Workshop,
            TimeZone = "Asia/Bangkok",
            StartDate = day,
            EndDate = day,
            Sectors = ["water"],
            Capacity = 10,
            IsPublished = true,
            Sessions = [new ProgramSessionInput { Title = "Opening", Date = day, Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0) }],
        }, AppFixture.Json);
        created.EnsureSuccessStatusCode();
        int id;
        await using (var db = app.NewDb())
        {
            id = await db.Programs.Where(p => p.Name.StartsWith("Calendar workshop")).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var before = Assert.Single(IcsChecker.Parse(await app.Client.GetStringAsync($"/api/programs/{id}/agenda.ics")).All("VEVENT"));
        ProgramInput edit;
        await using (var db = app.NewDb())
        {
            edit = ProgramInput.From(await db.Programs.AsNoTracking().Include(p => p.Sessions).SingleAsync(p => p.Id == id));
        }

        edit.Sessions[0].Start = new TimeOnly(11, 0);
        edit.Sessions[0].End = new TimeOnly(12, 0);
        (await app.Staff.PutAsJsonAsync($"/api/programs/{id}", edit, AppFixture.Json)).EnsureSuccessStatusCode();
        var after = Assert.Single(IcsChecker.Parse(await app.Client.GetStringAsync($"/api/programs/{id}/agenda.ics")).All("VEVENT"));

        Assert.Equal(before.Value("UID"), after.Value("UID"));
        Assert.StartsWith("20270607T04", after.Value("DTSTART"), StringComparison.Ordinal);
        Assert.True(int.Parse(after.Value("SEQUENCE")!, CultureInfo.InvariantCulture) > int.Parse(before.Value("SEQUENCE")!, CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_check_a_participant_in_by_the_code_on_their_agenda_and_participants_cannot(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, official, _, _) = await AgreedMeetingAsync(app, new DateOnly(2027, 4, 9), "Check-in");
        await using var db = app.NewDb();
        var userId = await db.Users.Where(u => u.Email == AccountSeeder.DemoDaNangOfficialEmail).Select(u => u.Id).SingleAsync();
        var code = await db.EventRegistrations.Where(r => r.EventId == eventId && r.UserId == userId).Select(r => r.CheckInCode).SingleAsync();
        var typed = $"{code![..4].ToLowerInvariant()}-{code[4..]}";

        var byOfficial = await official.PostAsJsonAsync($"/api/events/{eventId}/checkin", new CheckInInput(code), AppFixture.Json);
        var unknown = await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/checkin", new CheckInInput("ZZZZ9999"), AppFixture.Json);
        var first = await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/checkin", new CheckInInput(typed), AppFixture.Json);
        var again = (await (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/checkin", new CheckInInput(code), AppFixture.Json)).Content.ReadFromJsonAsync<CheckInView>(AppFixture.Json))!;

        Assert.Equal(HttpStatusCode.Forbidden, byOfficial.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var found = (await first.Content.ReadFromJsonAsync<CheckInView>(AppFixture.Json))!;
        Assert.Equal("Linh Tran", found.Name);
        Assert.False(found.AlreadyCheckedIn);
        Assert.True(again.AlreadyCheckedIn);
        Assert.Equal(found.CheckedInAt, again.CheckedInAt);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_held_meeting_rated_for_follow_up_opens_an_opportunity_and_fills_the_funnel(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        var (eventId, official, provider, meetingId) = await AgreedMeetingAsync(app, yesterday, "Held");
        await ScheduleAsync(app.Staff, eventId);
        (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(true), AppFixture.Json)).EnsureSuccessStatusCode();
        var outsider = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);

        var rateTooEarly = await official.PostAsJsonAsync($"/api/events/{eventId}/meetings/{meetingId}/feedback", new MeetingFeedbackInput(true, true), AppFixture.Json);
        var markByOutsider = await outsider.PostAsJsonAsync($"/api/events/{eventId}/meetings/{meetingId}/attendance", new AttendanceInput(MeetingAttendance.Held), AppFixture.Json);
        var marked = await provider.PostAsJsonAsync($"/api/events/{eventId}/meetings/{meetingId}/attendance", new AttendanceInput(MeetingAttendance.Held), AppFixture.Json);
        var rated = await official.PostAsJsonAsync($"/api/events/{eventId}/meetings/{meetingId}/feedback", new MeetingFeedbackInput(true, true), AppFixture.Json);
        var funnel = (await app.Staff.GetFromJsonAsync<EventFunnel>($"/api/events/{eventId}/funnel", AppFixture.Json))!;
        var csv = await app.Staff.GetStringAsync($"/api/events/{eventId}/funnel.csv");

        Assert.Equal(HttpStatusCode.Conflict, rateTooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, markByOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        await using var db = app.NewDb();
        var feedback = await db.MeetingFeedback.SingleAsync(f => f.MeetingId == meetingId);
        var opportunity = await db.Opportunities.Include(o => o.Project).ThenInclude(p => p!.City).SingleAsync(o => o.Id == feedback.OpportunityId);
        Assert.Equal("Da Nang", opportunity.Project!.City!.Name);
        Assert.Contains("Follow-up wanted after a meeting at", opportunity.Notes, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1, 1, 0, 1, 1), (funnel.RequestsSent, funnel.Accepted, funnel.Scheduled, funnel.Held, funnel.NoShows, funnel.FollowUps, funnel.Opportunities));
        Assert.Contains("Requests sent,1\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("No-show rate,0.000", csv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_meeting_cannot_be_marked_before_it_starts(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, official, _, meetingId) = await AgreedMeetingAsync(app, new DateOnly(2027, 4, 10), "Future");
        await ScheduleAsync(app.Staff, eventId);

        var early = await official.PostAsJsonAsync($"/api/events/{eventId}/meetings/{meetingId}/attendance", new AttendanceInput(MeetingAttendance.NoShow), AppFixture.Json);
        var empty = await official.PostAsJsonAsync($"/api/events/{eventId}/meetings/{meetingId}/attendance", new AttendanceInput(null), AppFixture.Json);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public void The_time_zone_picker_offers_only_canonical_ids_grouped_by_region_with_the_likely_ones_first()
    {
        var now = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var all = TimeZonePicker.RegionsAt(now).SelectMany(g => g).Select(z => z.Id).ToList();
        var canonical = NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.CanonicalIdMap;

        Assert.All(all, id => Assert.Equal(id, canonical[id]));
        Assert.DoesNotContain("Asia/Saigon", all);
        Assert.DoesNotContain("US/Eastern", all);
        Assert.Contains("Asia/Jakarta", all);
        Assert.Contains(TimeZonePicker.RegionsAt(now), g => g.Key == "Asia" && g.Any(z => z.Id == "Asia/Singapore"));
        Assert.Equal(["Asia/Singapore", "Asia/Ho_Chi_Minh"], TimeZonePicker.Likely(now, "Asia/Singapore", "Asia/Saigon", "Asia/Singapore").Select(z => z.Id));
    }

    [Fact]
    public void The_time_zone_picker_labels_each_zone_with_its_offset_at_the_moment_asked_for()
    {
        var winter = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

        Assert.Contains("UTC-05:00", TimeZonePicker.Find("America/New_York", winter)!.Label);
        Assert.Contains("UTC-04:00", TimeZonePicker.Find("America/New_York", summer)!.Label);
        Assert.Contains(TimeZonePicker.RegionsAt(summer), g => g.Any(z => z.Id == "Europe/Berlin" && z.Label.Contains("UTC+02:00")));
    }
}
