using System.Net;
using System.Net.Http.Json;
using CityBridge.Core.Domain;
using CityBridge.Core.Programs;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.My;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Programs;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ProgramsTests(AppFixture apps)
{
    private static readonly DateOnly Day = new(2027, 5, 10);

    /// <summary>A clock that stands still at one instant, so a time window does not depend on when the tests run.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static ProgramInput NewProgram(string name, ProgramKind kind = ProgramKind.SectorProgram, int capacity = 1, DateOnly? start = null) => new()
    {
        Name = name,
        Kind = kind,
        Place = "Test hall",
        TimeZone = "Asia/Jakarta",
        StartDate = start ?? Day,
        EndDate = (start ?? Day).AddDays(1),
        Sectors = ["water"],
        Capacity = capacity,
        IsPublished = true,
        Sessions =
        [
            new ProgramSessionInput { Title = "Opening", Date = start ?? Day, Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0), Speakers = "Staff", Materials = "[Guide](https://example.org/guide)" },
            new ProgramSessionInput { Title = "Site visit", Date = (start ?? Day).AddDays(1), Start = new TimeOnly(13, 0), End = new TimeOnly(16, 0) },
        ],
    };

    private static async Task<ProgramDto> CreateAsync(TestApp app, ProgramInput input)
    {
        var response = await app.Staff.PostAsJsonAsync("/api/programs", input, AppFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProgramDto>(AppFixture.Json))!;
    }

    private static async Task<int> ApplyAsync(HttpClient client, int programId, int? projectId = null)
    {
        var response = await client.PostAsJsonAsync($"/api/programs/{programId}/registrations", new ApplyInput(projectId), AppFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RegistrationView>(AppFixture.Json))!.Id;
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, int programId, int registrationId, string action) =>
        client.PostAsync($"/api/programs/{programId}/registrations/{registrationId}/{action}", null);

    private static async Task<List<string>> MessagesAsync(TestApp app, string programName)
    {
        await using var db = app.NewDb();
        return await db.Outbox.Where(m => m.Subject.EndsWith(programName)).OrderBy(m => m.Id).Select(m => m.To + " | " + m.Subject).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_invalid_program_is_refused_with_a_problem_per_field_and_nothing_is_saved(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var name = Unique.Name("Bad program");
        var input = NewProgram(name);
        input.TimeZone = "Mars/Olympus";
        input.EndDate = Day.AddDays(-1);
        input.Sectors = ["underwater-basket-weaving"];
        input.Capacity = 0;

        var response = await app.Staff.PostAsJsonAsync("/api/programs", input, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not an IANA time zone", Assert.Single(problem!.Errors["timeZone"]), StringComparison.Ordinal);
        Assert.Contains("before the first", Assert.Single(problem.Errors["endDate"]), StringComparison.Ordinal);
        Assert.Contains("Unknown sector", Assert.Single(problem.Errors["sectors"]), StringComparison.Ordinal);
        Assert.Single(problem.Errors["capacity"]);
        Assert.Contains("outside the program's days", Assert.Single(problem.Errors["sessions[1]"]), StringComparison.Ordinal);
        await using var db = app.NewDb();
        Assert.False(await db.Programs.AnyAsync(p => p.Name == name));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Registration_errors_are_problem_details_and_officials_link_only_their_own_citys_projects(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var workshop = await CreateAsync(app, NewProgram(Unique.Name("Workshop rules"), ProgramKind.Workshop, capacity: 5));
        var official = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        await using var db = app.NewDb();
        var makassarProject = await db.Projects.Where(p => p.City!.Name == "Makassar").Select(p => p.Id).FirstAsync();
        var daNangProject = await db.Projects.Where(p => p.City!.Name == "Da Nang").Select(p => p.Id).FirstAsync();

        var foreign = await official.PostAsJsonAsync($"/api/programs/{workshop.Id}/registrations", new ApplyInput(makassarProject), AppFixture.Json);
        var none = await official.PostAsJsonAsync($"/api/programs/{workshop.Id}/registrations", new ApplyInput(null), AppFixture.Json);
        var byProvider = await provider.PostAsJsonAsync($"/api/programs/{workshop.Id}/registrations", new ApplyInput(null), AppFixture.Json);
        var registrationId = await ApplyAsync(official, workshop.Id, daNangProject);
        var twice = await official.PostAsJsonAsync($"/api/programs/{workshop.Id}/registrations", new ApplyInput(daNangProject), AppFixture.Json);
        var checkInBeforeApproval = await ChangeAsync(app.Staff, workshop.Id, registrationId, "checkin");
        var unknownAction = await ChangeAsync(app.Staff, workshop.Id, registrationId, "teleport");
        var approveByOfficial = await ChangeAsync(official, workshop.Id, registrationId, "approve");

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("own city", Assert.Single((await foreign.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["projectId"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byProvider.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, checkInBeforeApproval.StatusCode);
        Assert.Contains("Only approved participants check in", (await checkInBeforeApproval.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAction.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approveByOfficial.StatusCode);
        Assert.Equal(RegistrationStatus.Applied, await db.ProgramRegistrations.Where(r => r.Id == registrationId).Select(r => r.Status).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Approval_waitlist_and_promotion_on_cancellation_each_queue_their_e_mail(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var program = await CreateAsync(app, NewProgram(Unique.Name("Water sector program"), capacity: 1));
        var official = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var first = await ApplyAsync(official, program.Id);
        var second = await ApplyAsync(provider, program.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(app.Staff, program.Id, first, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(app.Staff, program.Id, second, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(official, program.Id, first, "cancel")).StatusCode);

        var statuses = (await app.Staff.GetFromJsonAsync<CollectionResponse<RegistrationView>>($"/api/programs/{program.Id}/registrations", AppFixture.Json))!.Items.ToDictionary(r => r.Id, r => r.Status);
        Assert.Equal(RegistrationStatus.Cancelled, statuses[first]);
        Assert.Equal(RegistrationStatus.Approved, statuses[second]);
        Assert.Equal(
            [
                $"{AccountSeeder.DemoDaNangOfficialEmail} | Your place is confirmed: {program.Name}",
                $"{AccountSeeder.DemoProviderEmail} | You are on the waitlist: {program.Name}",
                $"{AccountSeeder.DemoProviderEmail} | A seat is free for you: {program.Name}",
            ],
            await MessagesAsync(app, program.Name));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Someone_who_switched_registration_decisions_off_gets_no_e_mail_of_them_and_others_still_do(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var program = await CreateAsync(app, NewProgram(Unique.Name("Quiet program"), capacity: 1));
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var kinds = (await official.GetFromJsonAsync<List<NoticeChoice>>("/api/my/notices", AppFixture.Json))!.Select(c => c.Kind).ToList();
        Assert.Contains(NoticeKinds.RegistrationDecision, kinds);
        var off = await official.PutAsJsonAsync("/api/my/notices", new NoticeChoicesInput([.. kinds.Where(k => k != NoticeKinds.RegistrationDecision)]), AppFixture.Json);
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        try
        {
            var first = await ApplyAsync(official, program.Id);
            var second = await ApplyAsync(provider, program.Id);

            Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(app.Staff, program.Id, first, "approve")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(app.Staff, program.Id, second, "approve")).StatusCode);

            Assert.Equal([$"{AccountSeeder.DemoProviderEmail} | You are on the waitlist: {program.Name}"], await MessagesAsync(app, program.Name));
        }
        finally
        {
            await official.PutAsJsonAsync("/api/my/notices", new NoticeChoicesInput(kinds), AppFixture.Json);
        }
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_failing_save_leaves_neither_the_approval_nor_its_e_mail(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var program = await CreateAsync(app, NewProgram(Unique.Name("Rollback program"), capacity: 3));
        var registrationId = await ApplyAsync(await app.ClientForAsync(AccountSeeder.DemoProviderEmail), program.Id);
        var staff = new Actor("staff-test", "staff", new HashSet<string> { Roles.Staff }, null, null, new HashSet<int>(), MayWrite: true);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.CityBridgeDb>();
            var userId = await db.ProgramRegistrations.Where(r => r.Id == registrationId).Select(r => r.UserId).SingleAsync();
            // A second registration of the same person breaks the unique index, so the approval's save fails as a whole.
            db.ProgramRegistrations.Add(new ProgramRegistration { ProgramId = program.Id, UserId = userId, Email = "dup@example.org", DisplayName = "Duplicate", AppliedAt = DateTimeOffset.UtcNow });
            var refusal = await scope.ServiceProvider.GetRequiredService<ProgramWorkflow>().ChangeAsync(program.Id, registrationId, "approve", staff, CancellationToken.None);
            Assert.Equal(409, refusal?.Status);
        }

        await using var check = app.NewDb();
        Assert.Empty(await MessagesAsync(app, program.Name));
        Assert.Equal(RegistrationStatus.Applied, await check.ProgramRegistrations.Where(r => r.Id == registrationId).Select(r => r.Status).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Reminders_are_queued_once_per_approved_registration_even_when_two_passes_run_at_once(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        // A day no other test uses, so the passes below find only this program; they run at 21:00 UTC the evening before.
        var day = new DateOnly(2031, 1, 15);
        var input = NewProgram(Unique.Name("Reminder program"), capacity: 5, start: day);
        input.TimeZone = "UTC";
        var program = await CreateAsync(app, input);
        var official = await ApplyAsync(await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail), program.Id);
        var provider = await ApplyAsync(await app.ClientForAsync(AccountSeeder.DemoProviderEmail), program.Id);
        await ChangeAsync(app.Staff, program.Id, official, "approve");
        await ChangeAsync(app.Staff, program.Id, provider, "approve");
        var eveningBefore = new DateTimeOffset(day.AddDays(-1).ToDateTime(new TimeOnly(21, 0)), TimeSpan.Zero);
        var reminders = new ProgramReminders(app.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(eveningBefore), app.Services.GetRequiredService<IOptions<ProgramOptions>>(), NullLogger<ProgramReminders>.Instance);

        await Task.WhenAll(reminders.RunPassAsync(CancellationToken.None), reminders.RunPassAsync(CancellationToken.None));
        await reminders.RunPassAsync(CancellationToken.None);

        var sent = (await MessagesAsync(app, program.Name)).Where(m => m.Contains("Tomorrow:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(2, sent.Distinct().Count());
        await using var db = app.NewDb();
        Assert.Equal(2, await db.ProgramReminders.CountAsync(r => r.RegistrationId == official || r.RegistrationId == provider));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_changed_agenda_is_e_mailed_to_approved_participants_only(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var input = NewProgram(Unique.Name("Agenda program"), capacity: 5);
        var program = await CreateAsync(app, input);
        var approved = await ApplyAsync(await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail), program.Id);
        await ApplyAsync(await app.ClientForAsync(AccountSeeder.DemoProviderEmail), program.Id);
        await ChangeAsync(app.Staff, program.Id, approved, "approve");

        input.Version = program.Version;
        input.Sessions[1].Start = new TimeOnly(14, 0);
        var changed = await app.Staff.PutAsJsonAsync($"/api/programs/{program.Id}", input, AppFixture.Json);
        var stale = await app.Staff.PutAsJsonAsync($"/api/programs/{program.Id}", input, AppFixture.Json);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var agendaMails = (await MessagesAsync(app, program.Name)).Where(m => m.Contains("Agenda changed", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{AccountSeeder.DemoDaNangOfficialEmail} | Agenda changed: {program.Name}"], agendaMails);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_report_equals_hand_counted_figures_and_downloads_as_CSV(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        // Started ten days ago, so feedback is open and opportunities created now are follow-ups.
        var program = await CreateAsync(app, NewProgram(Unique.Name("Report program"), capacity: 10, start: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10))));
        await using var db = app.NewDb();
        var city = await db.Cities.Where(c => c.Name == "Cebu City").Select(c => c.Id).SingleAsync();
        var project = new PriorityProject { CityId = city, Title = Unique.Name("Report project"), Sectors = ["water"] };
        var waitingProject = new PriorityProject { CityId = city, Title = Unique.Name("Waiting project"), Sectors = ["water"] };
        db.Projects.AddRange(project, waitingProject);
        await db.SaveChangesAsync();
        var now = DateTimeOffset.UtcNow;
        var registrations = new[] { RegistrationStatus.CheckedIn, RegistrationStatus.CheckedIn, RegistrationStatus.Approved, RegistrationStatus.Waitlisted, RegistrationStatus.Applied, RegistrationStatus.Cancelled }
            .Select((status, i) => new ProgramRegistration { ProgramId = program.Id, UserId = $"report-{program.Id}-{i}", Email = $"p{i}@report.example", DisplayName = $"Participant {i}", ProjectId = i switch { 0 => project.Id, 3 => waitingProject.Id, _ => null }, Status = status, AppliedAt = now })
            .ToList();
        db.ProgramRegistrations.AddRange(registrations);
        await db.SaveChangesAsync();
        int[] scores = [5, 4, 4];
        db.ProgramFeedback.AddRange(scores.Select((score, i) => new ProgramFeedback { ProgramId = program.Id, RegistrationId = registrations[i].Id, Score = score, Comment = i == 0 ? "Very useful" : null, SubmittedAt = now }));

        var e = new MatchmakingEvent { Name = Unique.Name("Report event"), TimeZone = "Asia/Jakarta", ProgramId = program.Id };
        db.Events.Add(e);
        await db.SaveChangesAsync();
        var a = new EventRegistration { EventId = e.Id, UserId = "report-a", DisplayName = "A", RegisteredAt = now };
        var b = new EventRegistration { EventId = e.Id, UserId = "report-b", DisplayName = "B", RegisteredAt = now };
        db.EventRegistrations.AddRange(a, b);
        await db.SaveChangesAsync();
        db.EventMeetings.AddRange(
            new EventMeeting { EventId = e.Id, FirstRegistrationId = a.Id, SecondRegistrationId = b.Id, SlotIndex = 0, Table = 1, CreatedAt = now },
            new EventMeeting { EventId = e.Id, FirstRegistrationId = a.Id, SecondRegistrationId = b.Id, SlotIndex = 1, Table = 1, CreatedAt = now },
            new EventMeeting { EventId = e.Id, FirstRegistrationId = a.Id, SecondRegistrationId = b.Id, SlotIndex = 2, Table = 1, Cancelled = true, CreatedAt = now },
            new EventMeeting { EventId = e.Id, FirstRegistrationId = a.Id, SecondRegistrationId = b.Id, SlotIndex = 3, Table = 1, Attendance = MeetingAttendance.NoShow, CreatedAt = now },
            new EventMeeting { EventId = e.Id, FirstRegistrationId = a.Id, SecondRegistrationId = b.Id, CreatedAt = now });
        // A meeting of an event still ahead has not been held, unless somebody marked it held.
        var ahead = new MatchmakingEvent { Name = Unique.Name("Report event ahead"), TimeZone = "Asia/Jakarta", ProgramId = program.Id };
        ahead.Sessions.Add(new EventSession { Name = "Morning", Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0) });
        db.Events.Add(ahead);
        await db.SaveChangesAsync();
        db.EventMeetings.AddRange(
            new EventMeeting { EventId = ahead.Id, FirstRegistrationId = a.Id, SecondRegistrationId = b.Id, SlotIndex = 0, Table = 1, CreatedAt = now },
            new EventMeeting { EventId = ahead.Id, FirstRegistrationId = a.Id, SecondRegistrationId = b.Id, SlotIndex = 1, Table = 1, Attendance = MeetingAttendance.Held, CreatedAt = now });

        var providers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Provider).OrderBy(o => o.Id).Select(o => o.Id).Take(3).ToListAsync();
        decimal[] values = [100_000m, 250_000m, 50_000m];
        var opportunities = values.Select((value, i) => new Opportunity { ProviderId = providers[i], ProjectId = project.Id, ValueUsd = value }).ToList();
        db.Opportunities.AddRange(opportunities);
        // A waitlisted participant's project is not a follow-up of the program.
        db.Opportunities.Add(new Opportunity { ProviderId = providers[0], ProjectId = waitingProject.Id, ValueUsd = 999_000m });
        await db.SaveChangesAsync();
        // The third came before the program: not a follow-up.
        var before = DateTimeOffset.UtcNow.AddDays(-20);
        await db.Opportunities.Where(o => o.Id == opportunities[2].Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, before));

        var report = (await app.Staff.GetFromJsonAsync<ProgramReportView>($"/api/programs/{program.Id}/report", AppFixture.Json))!;
        var csv = await app.Staff.GetAsync($"/api/programs/{program.Id}/report.csv");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal((5, 3, 2, 1, 1), (report.Registered, report.Approved, report.CheckedIn, report.Waitlisted, report.Cancelled));
        Assert.Equal(3, report.MeetingsHeld);
        Assert.Equal(3, report.Feedback.Count);
        Assert.Equal(4.33, report.Feedback.Average);
        Assert.Equal([0, 0, 0, 2, 1], report.Feedback.Distribution);
        Assert.Equal(["Very useful"], report.Comments);
        Assert.Equal([opportunities[0].Id, opportunities[1].Id], report.FollowUps.Select(f => f.Id).Order());
        Assert.Equal(350_000m, report.FollowUpValueUsd);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"citybridge-program-{program.Id}-report.csv", csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Section,Measure,Value", lines[0]);
        Assert.Contains("attendance,registered,5", lines);
        Assert.Contains("attendance,checked in,2", lines);
        Assert.Contains("meetings,held,3", lines);
        Assert.Contains("feedback,average score,4.33", lines);
        Assert.Contains("feedback,score 4,2", lines);
        Assert.Contains("follow-up,value USD,350000.00", lines);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(AccountSeeder.DemoProviderEmail)).GetAsync($"/api/programs/{program.Id}/report.csv")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Feedback_is_given_once_by_a_participant_after_the_start(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var started = await CreateAsync(app, NewProgram(Unique.Name("Started program"), capacity: 5, start: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3))));
        var future = await CreateAsync(app, NewProgram(Unique.Name("Future program"), capacity: 5, start: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30))));
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        foreach (var p in new[] { started, future })
        {
            await ChangeAsync(app.Staff, p.Id, await ApplyAsync(provider, p.Id), "approve");
        }

        var tooEarly = await provider.PostAsJsonAsync($"/api/programs/{future.Id}/feedback", new FeedbackInput(5, null), AppFixture.Json);
        var badScore = await provider.PostAsJsonAsync($"/api/programs/{started.Id}/feedback", new FeedbackInput(7, null), AppFixture.Json);
        var given = await provider.PostAsJsonAsync($"/api/programs/{started.Id}/feedback", new FeedbackInput(4, "Good contacts"), AppFixture.Json);
        var again = await provider.PostAsJsonAsync($"/api/programs/{started.Id}/feedback", new FeedbackInput(5, null), AppFixture.Json);
        var outsider = await (await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail)).PostAsJsonAsync($"/api/programs/{started.Id}/feedback", new FeedbackInput(5, null), AppFixture.Json);

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badScore.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, given.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_itinerary_flags_a_border_crossing_without_a_travel_day(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var delegation = await CreateAsync(app, NewProgram(Unique.Name("Expert delegation"), ProgramKind.ExpertDelegation, capacity: 4));
        await using var db = app.NewDb();
        var cities = await db.Cities.Where(c => c.Name == "Makassar" || c.Name == "Surabaya" || c.Name == "Da Nang").ToDictionaryAsync(c => c.Name, c => c.Id);
        var visits = new List<VisitInput>
        {
            new(cities["Makassar"], Day, Day.AddDays(1), "PDAM", "Water loss", null),
            new(cities["Surabaya"], Day.AddDays(1), Day.AddDays(2), null, null, null),
            new(cities["Da Nang"], Day.AddDays(2), Day.AddDays(3), null, null, null),
        };

        var saved = await app.Staff.PutAsJsonAsync($"/api/programs/{delegation.Id}/itinerary", new ItineraryInput(visits), AppFixture.Json);
        var itinerary = (await app.Client.GetFromJsonAsync<CollectionResponse<VisitView>>($"/api/programs/{delegation.Id}/itinerary", AppFixture.Json))!.Items;
        var unknownCity = await app.Staff.PutAsJsonAsync($"/api/programs/{delegation.Id}/itinerary", new ItineraryInput([new VisitInput(-1, Day, Day, null, null, null)]), AppFixture.Json);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal([1, 2, 3], itinerary.Select(v => v.Order));
        Assert.Empty(itinerary[0].Flags);
        Assert.Empty(itinerary[1].Flags);
        Assert.Equal(ItineraryCheck.Travel, Assert.Single(itinerary[2].Flags).Kind);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCity.StatusCode);
        Assert.Single((await unknownCity.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["visits[0]"]);
        // Experts join expert delegations; providers and officials do not.
        Assert.Equal(HttpStatusCode.Created, (await (await app.ClientForAsync(AccountSeeder.DemoExpertEmail)).PostAsJsonAsync($"/api/programs/{delegation.Id}/registrations", new ApplyInput(null), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(AccountSeeder.DemoProviderEmail)).PostAsJsonAsync($"/api/programs/{delegation.Id}/registrations", new ApplyInput(null), AppFixture.Json)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_event_links_only_to_an_existing_program_and_the_API_is_in_the_OpenAPI_document(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var program = await CreateAsync(app, NewProgram(Unique.Name("Event host program")));
        EventInput Event(int? programId) => new()
        {
            Name = Unique.Name("Program event"),
            TimeZone = "Asia/Jakarta",
            ProgramId = programId,
            Sessions = [new Features.Events.SessionInput("Morning", Day, new TimeOnly(9, 0), new TimeOnly(10, 0))],
        };

        var bad = await app.Staff.PostAsJsonAsync("/api/events", Event(-5), AppFixture.Json);
        var good = await app.Staff.PostAsJsonAsync("/api/events", Event(program.Id), AppFixture.Json);
        var openApi = await app.Client.GetStringAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("no program", Assert.Single((await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["programId"]), StringComparison.Ordinal);
        Assert.Equal(program.Id, (await good.Content.ReadFromJsonAsync<EventDto>(AppFixture.Json))!.ProgramId);
        Assert.Contains("\"/api/programs/{id}/registrations/{registrationId}/{action}\"", openApi, StringComparison.Ordinal);
        Assert.Contains("\"/api/programs/{id}/report.csv\"", openApi, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Lists_filter_by_kind_sector_and_upcoming_and_hide_unpublished_programs_from_the_public(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var hidden = NewProgram(Unique.Name("Hidden program"), ProgramKind.TradeShowDelegation);
        hidden.IsPublished = false;
        hidden.Sectors = ["cybersecurity"];
        var draft = await CreateAsync(app, hidden);

        var publicList = (await app.Client.GetFromJsonAsync<CollectionResponse<ProgramDto>>("/api/programs?pageSize=200", AppFixture.Json))!;
        var staffCyber = (await app.Staff.GetFromJsonAsync<CollectionResponse<ProgramDto>>("/api/programs?sector=cybersecurity&kind=TradeShowDelegation&upcoming=true&pageSize=200", AppFixture.Json))!;
        var workshops = (await app.Client.GetFromJsonAsync<CollectionResponse<ProgramDto>>("/api/programs?kind=Workshop&pageSize=200", AppFixture.Json))!;
        var paged = (await app.Client.GetFromJsonAsync<CollectionResponse<ProgramDto>>("/api/programs?page=1&pageSize=1", AppFixture.Json))!;

        Assert.DoesNotContain(publicList.Items, p => p.Id == draft.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/programs/{draft.Id}")).StatusCode);
        Assert.Contains(staffCyber.Items, p => p.Id == draft.Id);
        Assert.All(staffCyber.Items, p => Assert.Contains("cybersecurity", p.Sectors));
        Assert.All(workshops.Items, p => Assert.Equal(ProgramKind.Workshop, p.Kind));
        Assert.Contains(workshops.Items, p => p.Name == DemoPrograms.WorkshopName);
        Assert.Single(paged.Items);
        Assert.Equal(publicList.Total, paged.Total);
    }

    [Fact]
    public async Task The_public_sees_the_demo_agenda_with_its_materials_and_the_delegations_flagged_itinerary()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        await using var db = app.NewDb();
        var workshop = await db.Programs.Where(p => p.Name == DemoPrograms.WorkshopName).Select(p => p.Id).SingleAsync();
        var delegation = await db.Programs.Where(p => p.Name == DemoPrograms.DelegationName).Select(p => p.Id).SingleAsync();

        var details = System.Net.WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Programs/Details/{workshop}"));
        var itinerary = System.Net.WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Programs/Itinerary/{delegation}"));

        Assert.Contains("Financing and sustainable funding", details, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/Library/blended-finance-for-a-water-utility\"[^>]*>blended-finance case study</a>", details);
        Assert.Contains("Sign in</a> to register", details, StringComparison.Ordinal);
        Assert.Contains("Da Nang", itinerary, StringComparison.Ordinal);
        Assert.Contains("to change country; allow 1", itinerary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_materials_are_rendered_from_Markdown_without_scripts_or_script_links()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var input = NewProgram(Unique.Name("Materials program"));
        input.Sessions[0].Materials = "**Read first** <script>alert('x')</script> [trap](javascript:alert(1)) <img src=x onerror=alert(2)>";
        var program = await CreateAsync(app, input);

        var details = await app.Client.GetStringAsync($"/Programs/Details/{program.Id}");

        Assert.Contains("<strong>Read first</strong>", details, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", details, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert", details, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_invite_accounts_and_contacts_by_e_mail_and_an_unknown_address_is_refused(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var program = await CreateAsync(app, NewProgram(Unique.Name("Invitation program"), capacity: 5));
        await using var db = app.NewDb();
        var contact = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Email).FirstAsync();

        var unknown = await app.Staff.PostAsJsonAsync($"/api/programs/{program.Id}/invitations", new InviteInput(["nobody@nowhere.example", contact]), AppFixture.Json);
        var byProvider = await (await app.ClientForAsync(AccountSeeder.DemoProviderEmail)).PostAsJsonAsync($"/api/programs/{program.Id}/invitations", new InviteInput([contact]), AppFixture.Json);
        Assert.Empty(await MessagesAsync(app, program.Name));
        var invited = await app.Staff.PostAsJsonAsync($"/api/programs/{program.Id}/invitations", new InviteInput([AccountSeeder.DemoDaNangOfficialEmail, contact.ToUpperInvariant()]), AppFixture.Json);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("nobody@nowhere.example", Assert.Single((await unknown.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors["emails"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byProvider.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
        Assert.Equal(
            [$"{AccountSeeder.DemoDaNangOfficialEmail} | You are invited: {program.Name}", $"{contact.ToUpperInvariant()} | You are invited: {program.Name}"],
            await MessagesAsync(app, program.Name));
    }
}
