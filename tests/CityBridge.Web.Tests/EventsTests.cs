using System.Net;
using System.Net.Http.Json;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class EventsTests(AppFixture apps)
{
    private static EventInput NewEvent(string name) => new()
    {
        Name = name,
        Venue = "Test hall",
        TimeZone = "Asia/Jakarta",
        SlotMinutes = 20,
        BreakMinutes = 10,
        Tables = 2,
        Sessions =
        [
            new SessionInput("Morning", new DateOnly(2027, 3, 2), new TimeOnly(9, 0), new TimeOnly(10, 0)),
            new SessionInput("Afternoon", new DateOnly(2027, 3, 2), new TimeOnly(14, 0), new TimeOnly(15, 0)),
        ],
    };

    /// <summary>A new event (staff) and clients for Da Nang's official and AquaSense, not yet registered.</summary>
    private static async Task<(int EventId, HttpClient Official, HttpClient Provider)> NewEventWithParticipantsAsync(TestApp app, string name)
    {
        var created = await app.Staff.PostAsJsonAsync("/api/events", NewEvent(Unique.Name(name)), AppFixture.Json);
        var eventId = (await created.Content.ReadFromJsonAsync<EventDto>(AppFixture.Json))!.Id;
        return (eventId, await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail), await app.ClientForAsync(AccountSeeder.DemoProviderEmail));
    }

    private static async Task<SchedulingRun> ScheduleAndWaitAsync(HttpClient staff, int eventId, bool allowMoves = false)
    {
        var started = await staff.PostAsJsonAsync($"/api/events/{eventId}/schedule", new ScheduleInput(3, allowMoves), AppFixture.Json);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        SchedulingRun run;
        do
        {
            await Task.Delay(200);
            run = (await staff.GetFromJsonAsync<SchedulingRun>($"/api/events/{eventId}/schedule", AppFixture.Json))!;
        }
        while (run.State is SchedulingJob.Queued or SchedulingJob.Running or SchedulingJob.Stopping && DateTime.UtcNow < deadline);

        return run;
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_invalid_event_is_refused_with_a_message_per_field(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var input = NewEvent("Bad event");
        input.TimeZone = "Mars/Olympus";
        input.Sessions.Add(new SessionInput("Overlap", new DateOnly(2027, 3, 2), new TimeOnly(9, 30), new TimeOnly(11, 0)));

        var response = await app.Staff.PostAsJsonAsync("/api/events", input, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a time zone", Assert.Single(problem!.Errors["timeZone"]), StringComparison.Ordinal);
        await using var db = app.NewDb();
        Assert.False(await db.Events.AnyAsync(e => e.Name == "Bad event"));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Requests_become_meetings_that_the_scheduler_places_and_participants_see_once_published(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, official, provider) = await NewEventWithParticipantsAsync(app, "Water matchmaking");
        var outsider = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);

        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput("Asia/Ho_Chi_Minh"), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await provider.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/events/{eventId}/registrants")).StatusCode);
        var registrants = (await provider.GetFromJsonAsync<CollectionResponse<Registrant>>($"/api/events/{eventId}/registrants", AppFixture.Json))!.Items;
        var daNang = registrants.Single(r => r.OrganizationName?.Contains("Da Nang", StringComparison.Ordinal) == true);

        var badPriority = await provider.PostAsJsonAsync($"/api/events/{eventId}/requests", new RequestInput(daNang.Id, 7, null), AppFixture.Json);
        var request = await provider.PostAsJsonAsync($"/api/events/{eventId}/requests", new RequestInput(daNang.Id, 3, "Smart meters for your central districts"), AppFixture.Json);
        var requestId = (await request.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
        var answeredByRequester = await provider.PostAsync($"/api/events/{eventId}/requests/{requestId}/accept", null);
        var accepted = await official.PostAsync($"/api/events/{eventId}/requests/{requestId}/accept", null);
        var acceptedTwice = await official.PostAsync($"/api/events/{eventId}/requests/{requestId}/accept", null);

        Assert.Equal(HttpStatusCode.BadRequest, badPriority.StatusCode);
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, answeredByRequester.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, acceptedTwice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/events/{eventId}/meetings")).StatusCode);

        var run = await ScheduleAndWaitAsync(app.Staff, eventId);
        var meetings = (await app.Staff.GetFromJsonAsync<CollectionResponse<MeetingView>>($"/api/events/{eventId}/meetings", AppFixture.Json))!.Items;

        Assert.Equal("finished", run.State);
        Assert.Equal(9, run.BestWeight);
        Assert.Equal(run.UpperBound, run.BestWeight);
        var meeting = Assert.Single(meetings);
        Assert.NotNull(meeting.Start);
        Assert.InRange(meeting.Table!.Value, 1, 2);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(true), AppFixture.Json)).StatusCode);
        var mine = (await official.GetFromJsonAsync<CollectionResponse<MeetingView>>($"/api/events/{eventId}/meetings", AppFixture.Json))!.Items;
        var ics = await official.GetStringAsync($"/api/events/{eventId}/agenda.ics");
        Assert.Equal(meeting.Id, Assert.Single(mine).Id);
        Assert.Contains($"UID:citybridge-event-{eventId}-meeting-{meeting.Id}@citybridge", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{meeting.Start!.Value.UtcDateTime:yyyyMMddTHHmmss}Z", ics, StringComparison.Ordinal);

        // A late meeting: re-running keeps the published one where it is.
        var registrationIds = registrants.Select(r => r.Id).ToList();
        await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/meetings", new AddMeetingInput(meeting.FirstId, meeting.SecondId, 1), AppFixture.Json);
        var rerun = await ScheduleAndWaitAsync(app.Staff, eventId);
        var after = (await app.Staff.GetFromJsonAsync<CollectionResponse<MeetingView>>($"/api/events/{eventId}/meetings", AppFixture.Json))!.Items;
        Assert.Equal("finished", rerun.State);
        Assert.Equal((meeting.SlotIndex, meeting.Table), after.Where(m => m.Id == meeting.Id).Select(m => (m.SlotIndex, m.Table)).Single());
        Assert.Equal(2, after.Count(m => m.Start is not null));
        Assert.NotEqual(after[0].SlotIndex, after[1].SlotIndex);
        Assert.NotEmpty(registrationIds);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_and_experts_cannot_register_and_anonymous_visitors_must_sign_in(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var db = app.NewDb();
        var demo = await db.Events.Where(e => e.Name == DemoEvent.Name).Select(e => e.Id).SingleAsync();
        var expert = await app.ClientForAsync(AccountSeeder.DemoExpertEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Staff.PostAsJsonAsync($"/api/events/{demo}/registrations", new RegistrationInput(null), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync($"/api/events/{demo}/registrations", new RegistrationInput(null), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.PostAsJsonAsync($"/api/events/{demo}/registrations", new RegistrationInput(null), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/events/{demo}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_scheduler_places_a_meeting_only_in_a_session_both_participants_can_attend(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, official, provider) = await NewEventWithParticipantsAsync(app, "Availability");
        await official.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json);
        await provider.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json);
        await using var db = app.NewDb();
        var afternoon = await db.EventSessions.Where(s => s.EventId == eventId && s.Name == "Afternoon").Select(s => s.Id).SingleAsync();
        var registrations = await db.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();

        var unknown = await provider.PutAsJsonAsync($"/api/events/{eventId}/registrations/me", new AvailabilityInput(null, [afternoon + 100_000]), AppFixture.Json);
        var badZone = await provider.PutAsJsonAsync($"/api/events/{eventId}/registrations/me", new AvailabilityInput("Moon/Base", [afternoon]), AppFixture.Json);
        var saved = await provider.PutAsJsonAsync($"/api/events/{eventId}/registrations/me", new AvailabilityInput("America/New_York", [afternoon]), AppFixture.Json);
        await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/meetings", new AddMeetingInput(registrations[0], registrations[1], 2), AppFixture.Json);
        var run = await ScheduleAndWaitAsync(app.Staff, eventId);
        var meeting = Assert.Single((await app.Staff.GetFromJsonAsync<CollectionResponse<MeetingView>>($"/api/events/{eventId}/meetings", AppFixture.Json))!.Items);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("finished", run.State);
        Assert.Equal("Afternoon", meeting.Session);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_run_whose_instance_died_is_taken_over_when_its_lease_runs_out_and_completes(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, official, provider) = await NewEventWithParticipantsAsync(app, "Takeover");
        await official.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json);
        await provider.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json);
        await using (var db = app.NewDb())
        {
            var registrations = await db.EventRegistrations.Where(r => r.EventId == eventId).Select(r => r.Id).ToListAsync();
            db.EventMeetings.Add(new EventMeeting { EventId = eventId, FirstRegistrationId = registrations[0], SecondRegistrationId = registrations[1], CreatedAt = DateTimeOffset.UtcNow });
            // A run another instance started and then lost (kill -9): "running", owned elsewhere, lease expired.
            db.SchedulingJobs.Add(new SchedulingJob
            {
                EventId = eventId,
                TimeLimitSeconds = 2,
                State = SchedulingJob.Running,
                Owner = "instance-that-died",
                LeaseUntilMs = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds(),
                Attempts = 1,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        SchedulingJob job;
        do
        {
            await Task.Delay(250);
            await using var db = app.NewDb();
            job = await db.SchedulingJobs.AsNoTracking().SingleAsync(j => j.EventId == eventId);
        }
        while (job.State != SchedulingJob.Finished && DateTime.UtcNow < deadline);

        Assert.Equal(SchedulingJob.Finished, job.State);
        Assert.NotEqual("instance-that-died", job.Owner);
        Assert.Equal(2, job.Attempts);
        var meeting = Assert.Single((await app.Staff.GetFromJsonAsync<CollectionResponse<MeetingView>>($"/api/events/{eventId}/meetings", AppFixture.Json))!.Items);
        Assert.NotNull(meeting.Start);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_second_run_is_refused_while_another_instance_runs_one_and_a_stop_reaches_it_through_the_database(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, _, _) = await NewEventWithParticipantsAsync(app, "Single run");
        await using (var db = app.NewDb())
        {
            // Another instance is running the scheduler for this event and keeps its lease.
            db.SchedulingJobs.Add(new SchedulingJob
            {
                EventId = eventId,
                TimeLimitSeconds = 60,
                State = SchedulingJob.Running,
                Owner = "other-instance",
                LeaseUntilMs = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeMilliseconds(),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var second = await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule", new ScheduleInput(5, false), AppFixture.Json);
        var stop = await app.Staff.PostAsync($"/api/events/{eventId}/schedule/stop", null);
        var run = await app.Staff.GetFromJsonAsync<SchedulingRun>($"/api/events/{eventId}/schedule", AppFixture.Json);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        // The stop goes through the database, so it reaches the instance that runs the job.
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Equal(SchedulingJob.Stopping, run!.State);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Simultaneous_starts_at_two_instances_queue_exactly_one_run(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (eventId, _, _) = await NewEventWithParticipantsAsync(app, "Simultaneous starts");
        var scheduling = app.Services.GetRequiredService<EventScheduling>();

        // Each start with its own database context, as on two instances: every one sees no active run before any inserts.
        var started = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var db = app.NewDb();
            return await scheduling.TryStartAsync(db, eventId, TimeSpan.FromSeconds(60), allowMoves: false, CancellationToken.None);
        }));
        await using var check = app.NewDb();
        await scheduling.StopAsync(check, eventId, CancellationToken.None);

        Assert.Single(started, s => s);
        Assert.Equal(1, await check.SchedulingJobs.CountAsync(j => j.EventId == eventId));
    }
}
