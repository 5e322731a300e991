using System.Net;
using System.Net.Http.Json;
using CityBridge.Core.Domain;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.My;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

/// <summary>The personal workspace: start pages, acting on matches, conversations and notices.</summary>
[Collection(AppCollection.Name)]
public sealed class MyCityBridgeTests(AppFixture apps)
{
    private const string MakassarProject = "Non-revenue water reduction programme";

    private static async Task<(int ProjectId, int AquaSense)> MatchedPairAsync(TestApp app)
    {
        await using var db = app.NewDb();
        var project = await db.Projects.Where(p => p.Title == MakassarProject).Select(p => p.Id).SingleAsync();
        var aquaSense = await db.Organizations.Where(o => o.Name == "AquaSense Analytics").Select(o => o.Id).SingleAsync();
        // Matching runs in the background after start-up.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await db.Matches.AnyAsync(m => m.ProjectId == project && m.OrganizationId == aquaSense) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return (project, aquaSense);
    }

    /// <summary>A new event <paramref name="daysAhead"/> days out (earlier than the demo event), with both demo sides registered.</summary>
    private static async Task<int> EventWithBothSidesAsync(TestApp app, HttpClient official, HttpClient provider, int daysAhead)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(daysAhead));
        var input = new EventInput
        {
            Name = Unique.Name("Workspace event"),
            Venue = "Hall",
            TimeZone = "Asia/Makassar",
            SlotMinutes = 20,
            BreakMinutes = 5,
            Tables = 2,
            Sessions = [new SessionInput("Morning", day, new TimeOnly(9, 0), new TimeOnly(11, 0))],
        };
        var created = await app.Staff.PostAsJsonAsync("/api/events", input, AppFixture.Json);
        var eventId = (await created.Content.ReadFromJsonAsync<EventDto>(AppFixture.Json))!.Id;
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput("Asia/Makassar"), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await provider.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput("America/Chicago"), AppFixture.Json)).StatusCode);
        return eventId;
    }

    private static async Task<List<OutboxMessage>> NoticesAsync(TestApp app, string keyPrefix)
    {
        await using var db = app.NewDb();
        return await db.Outbox.AsNoTracking().Where(m => m.NoticeKey!.StartsWith(keyPrefix)).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_meeting_requested_from_a_match_reaches_the_provider_and_each_notice_is_written_once(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (projectId, aquaSense) = await MatchedPairAsync(app);
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var eventId = await EventWithBothSidesAsync(app, official, provider, daysAhead: 2);

        var requested = await official.PostAsync($"/api/projects/{projectId}/matches/{aquaSense}/meeting-request", null);
        var providerPage = (await provider.GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        var waiting = Assert.Single(providerPage.RequestsWaiting, r => r.EventId == eventId);

        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        Assert.Contains("Makassar", waiting.Other, StringComparison.Ordinal);
        Assert.Contains(MakassarProject, waiting.Message, StringComparison.Ordinal);
        var received = Assert.Single(await NoticesAsync(app, $"request-received:{eventId}:"));
        Assert.Equal(AccountSeeder.DemoProviderEmail, received.To);

        // The notice hooks run again for the same change (a retry): the key keeps it to one message.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.CityBridgeDb>();
            var request = await db.MeetingRequests.SingleAsync(r => r.Id == waiting.Id);
            await scope.ServiceProvider.GetRequiredService<MeetingNotices>().RequestReceivedAsync(request, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Single(await NoticesAsync(app, $"request-received:{eventId}:"));

        Assert.Equal(HttpStatusCode.NoContent, (await provider.PostAsync($"/api/events/{eventId}/requests/{waiting.Id}/accept", null)).StatusCode);
        var accepted = Assert.Single(await NoticesAsync(app, $"{NoticeKinds.RequestAccepted}:{waiting.Id}"));
        Assert.Equal(AccountSeeder.DemoMakassarOfficialEmail, accepted.To);
        var staffPage = (await app.Staff.GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        Assert.Contains(staffPage.Staff!.EventsToSchedule, e => e.EventId == eventId && e.Unplaced == 1);

        var meeting = Assert.Single((await official.GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!.Meetings, m => m.EventId == eventId);
        Assert.Equal("to be scheduled", meeting.When);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Publishing_a_schedule_twice_tells_each_participant_once_in_their_own_time_zone_and_delivers_over_SMTP(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var eventId = await EventWithBothSidesAsync(app, official, provider, daysAhead: 40);
        await using (var db = app.NewDb())
        {
            var ids = await db.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
            // A placed meeting, as the scheduler leaves it: slot 0 is 09:00 in Makassar (UTC+8).
            db.EventMeetings.Add(new EventMeeting { EventId = eventId, FirstRegistrationId = ids[0], SecondRegistrationId = ids[1], SlotIndex = 0, Table = 1, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        foreach (var published in new[] { true, false, true })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(published), AppFixture.Json)).StatusCode);
        }

        var notices = await NoticesAsync(app, $"schedule-published:{eventId}:");
        Assert.Equal(2, notices.Count);
        Assert.Contains("09:00", notices.Single(n => n.To == AccountSeeder.DemoMakassarOfficialEmail).Body, StringComparison.Ordinal);
        // The provider chose Chicago: 09:00 in Makassar is 19:00 the evening before there.
        var forProvider = notices.Single(n => n.To == AccountSeeder.DemoProviderEmail);
        Assert.Contains("19:00", forProvider.Body, StringComparison.Ordinal);
        Assert.Contains($"/api/events/{eventId}/agenda.ics", forProvider.Body, StringComparison.Ordinal);

        await using var sink = await OutboxDelivery.DeliverAllAsync(app);

        var delivered = Assert.Single(sink.Messages, m => m.MessageId == forProvider.MessageId);
        // The provider's meetings come attached as a calendar file, the same meeting as their agenda.ics.
        Assert.Single(OutboxDelivery.AttachedCalendar(delivered).All("VEVENT"), e => e.Value("STATUS") == "CONFIRMED");
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Both_sides_of_a_match_write_in_one_thread_that_they_and_staff_find_on_their_start_pages_outsiders_cannot_read_and_notices_carry_a_link_not_the_text(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (projectId, aquaSense) = await MatchedPairAsync(app);
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var outsider = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);

        var opened = await official.PostAsJsonAsync("/api/my/conversations", new StartConversationInput(projectId, aquaSense), AppFixture.Json);
        var id = (await opened.Content.ReadFromJsonAsync<CreatedId>(AppFixture.Json))!.Id;
        var openedByProvider = await provider.PostAsJsonAsync("/api/my/conversations", new StartConversationInput(projectId, aquaSense), AppFixture.Json);
        var secret = $"Our leak budget is {Guid.NewGuid():N}";
        var posted = await official.PostAsJsonAsync($"/api/my/conversations/{id}/messages", new MessageInput(secret), AppFixture.Json);
        var empty = await official.PostAsJsonAsync($"/api/my/conversations/{id}/messages", new MessageInput("  "), AppFixture.Json);
        var answered = await provider.PostAsJsonAsync($"/api/my/conversations/{id}/messages", new MessageInput("Happy to walk you through our pilots."), AppFixture.Json);

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(id, (await openedByProvider.Content.ReadFromJsonAsync<CreatedId>(AppFixture.Json))!.Id);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("body", (await empty.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        var thread = (await provider.GetFromJsonAsync<ConversationView>($"/api/my/conversations/{id}", AppFixture.Json))!;
        Assert.Equal([secret, "Happy to walk you through our pilots."], thread.Messages.TakeLast(2).Select(m => m.Body));
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/my/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/my/conversations/{id}/messages", new MessageInput("hello"), AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync("/api/my/conversations", new StartConversationInput(projectId, aquaSense), AppFixture.Json)).StatusCode);
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!.Conversations, c => c.Id == id);
        foreach (var reader in new[] { official, provider, app.Staff })
        {
            Assert.Contains((await reader.GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!.Conversations, c => c.Id == id && c.LastExcerpt == "Happy to walk you through our pilots.");
        }

        await using var db = app.NewDb();
        var messageIds = thread.Messages.TakeLast(2).Select(m => m.Id).ToList();
        var toProvider = Assert.Single(await NoticesAsync(app, $"message:{messageIds[0]}:"));
        Assert.Equal(AccountSeeder.DemoProviderEmail, toProvider.To);
        Assert.DoesNotContain(secret, toProvider.Body, StringComparison.Ordinal);
        Assert.Contains($"/My/Conversation/{id}", toProvider.Body, StringComparison.Ordinal);
        Assert.Contains(await NoticesAsync(app, $"message:{messageIds[1]}:"), n => n.To == AccountSeeder.DemoMakassarOfficialEmail);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Only_sides_with_a_match_request_or_opportunity_are_related_for_messaging(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (projectId, aquaSense) = await MatchedPairAsync(app);
        int makassar;
        int emptyCity;
        await using (var db = app.NewDb())
        {
            makassar = await db.Projects.Where(p => p.Id == projectId).Select(p => p.CityId).SingleAsync();
            var city = new City { Name = Unique.Name("Quiet town"), CountryCode = "ID", TimeZone = "Asia/Jakarta" };
            db.Cities.Add(city);
            await db.SaveChangesAsync();
            emptyCity = city.Id;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var conversations = scope.ServiceProvider.GetRequiredService<Conversations>();

        Assert.True(await conversations.RelatedAsync(makassar, aquaSense, CancellationToken.None));
        Assert.False(await conversations.RelatedAsync(emptyCity, aquaSense, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_provider_starts_an_opportunity_from_a_match_and_records_stage_and_deal_size_that_its_start_page_totals(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (projectId, aquaSense) = await MatchedPairAsync(app);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var outsider = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);

        var started = await provider.PostAsync($"/api/projects/{projectId}/matches/{aquaSense}/opportunity", null);
        var id = (int)(await started.Content.ReadFromJsonAsync<CreatedId>(AppFixture.Json))!.Id;
        var wonWithoutValue = await provider.PutAsJsonAsync($"/api/my/opportunities/{id}", new OpportunityStageInput(OpportunityStage.Won, null), AppFixture.Json);
        var byOutsider = await outsider.PutAsJsonAsync($"/api/my/opportunities/{id}", new OpportunityStageInput(OpportunityStage.Lost, null), AppFixture.Json);
        var proposal = await provider.PutAsJsonAsync($"/api/my/opportunities/{id}", new OpportunityStageInput(OpportunityStage.Proposal, 250_000m), AppFixture.Json);
        var page = (await provider.GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wonWithoutValue.StatusCode);
        Assert.Contains("valueUsd", (await wonWithoutValue.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, proposal.StatusCode);
        var line = Assert.Single(page.Opportunities, o => o.Id == id);
        Assert.Equal((OpportunityStage.Proposal, 250_000m), (line.Stage, line.ValueUsd));
        var total = Assert.Single(page.Pipeline, s => s.Stage == OpportunityStage.Proposal);
        Assert.Equal(page.Opportunities.Where(o => o.Stage == OpportunityStage.Proposal).Sum(o => o.ValueUsd ?? 0), total.ValueUsd);
        Assert.All(page.Opportunities, o => Assert.Equal(aquaSense, o.ProviderId));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_city_with_many_projects_shows_its_newest_on_the_start_page_and_links_to_all_of_them(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = $"{Guid.NewGuid():N}@busy-city.example";
        int cityId;
        List<int> projectIds;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.CityBridgeDb>();
            var city = new City { Name = Unique.Name("Busy city"), CountryCode = "VN", TimeZone = "Asia/Ho_Chi_Minh" };
            db.Cities.Add(city);
            await db.SaveChangesAsync();
            var government = new Web.Features.Organizations.Organization { Name = $"{city.Name} People's Committee", Kind = OrganizationKind.CityGovernment, CityId = city.Id, CountryCode = "VN" };
            db.Organizations.Add(government);
            var projects = Enumerable.Range(1, WorkspaceQueries.ProjectsShown + 3)
                .Select(i => new Web.Features.Projects.PriorityProject { CityId = city.Id, Title = $"Busy project {i:00}", Sectors = ["water"] }).ToList();
            db.Projects.AddRange(projects);
            await db.SaveChangesAsync();
            (cityId, projectIds) = (city.Id, projects.Select(p => p.Id).ToList());
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CityBridgeUser>>();
            var official = new CityBridgeUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Busy Official", OrganizationId = government.Id };
            Assert.True((await users.CreateAsync(official)).Succeeded);
            await users.AddToRoleAsync(official, Roles.CityOfficial);
        }

        var client = await app.ClientForAsync(email);
        var workspace = (await client.GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        var page = await client.GetStringAsync("/My");

        Assert.Equal(projectIds.Count, workspace.ProjectsTotal);
        Assert.Equal(projectIds.OrderDescending().Take(WorkspaceQueries.ProjectsShown), workspace.Projects.Select(p => p.Id));
        Assert.Contains($"Showing the {WorkspaceQueries.ProjectsShown} newest of {projectIds.Count} projects.", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Cities/Details/{cityId}\">See all {projectIds.Count}</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Busy project 01", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_unpublished_project_is_on_its_city_s_and_its_expert_s_start_pages_but_never_among_a_provider_s_fits(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (matchedProject, aquaSense) = await MatchedPairAsync(app);
        int draft;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.CityBridgeDb>();
            var source = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == matchedProject);
            var project = new Web.Features.Projects.PriorityProject
            {
                CityId = source.CityId,
                Title = Unique.Name("Draft water project"),
                Description = source.Description,
                Sectors = source.Sectors,
                IsPublished = false,
            };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            draft = project.Id;
            var expert = await db.Users.Where(u => u.Email == AccountSeeder.DemoExpertEmail).Select(u => u.Id).SingleAsync();
            db.ExpertAssignments.Add(new ExpertAssignment { UserId = expert, ProjectId = draft });
            // The provider's best fit, as the matching engine stores it (the engine may store its own list for the draft too).
            db.Matches.Add(new Web.Features.Matching.StoredMatch { ProjectId = draft, OrganizationId = aquaSense, Rank = 1, Score = 0.99, SignalsJson = "[]", ComputedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var official = (await (await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail)).GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        var expertPage = (await (await app.ClientForAsync(AccountSeeder.DemoExpertEmail)).GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        var provider = (await (await app.ClientForAsync(AccountSeeder.DemoProviderEmail)).GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;

        Assert.Equal(draft, official.Projects[0].Id);
        Assert.False(official.Projects[0].IsPublished);
        Assert.Contains(expertPage.Projects, p => p.Id == draft);
        Assert.NotEmpty(provider.Fits);
        Assert.DoesNotContain(provider.Fits, f => f.ProjectId == draft);
        await using var check = app.NewDb();
        Assert.True(await check.Matches.AnyAsync(m => m.ProjectId == draft && m.OrganizationId == aquaSense), "the draft must be matched to the provider for this test to mean anything");
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Each_start_page_shows_only_its_owner_s_data_and_needs_a_sign_in(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await MatchedPairAsync(app);
        var daNang = (await (await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail)).GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        var makassar = (await (await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail)).GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        var provider = (await (await app.ClientForAsync(AccountSeeder.DemoProviderEmail)).GetFromJsonAsync<Workspace>("/api/my", AppFixture.Json))!;
        var anonymous = await app.Client.GetAsync("/api/my");
        var page = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress }.GetAsync("/My");

        await using var db = app.NewDb();
        var makassarProjects = await db.Projects.Where(p => p.City!.Name == "Makassar").OrderByDescending(p => p.Id).Select(p => p.Id).ToListAsync();
        Assert.Equal(makassarProjects.Take(WorkspaceQueries.ProjectsShown), makassar.Projects.Select(p => p.Id));
        Assert.Equal(makassarProjects.Count, makassar.ProjectsTotal);
        Assert.DoesNotContain(daNang.Projects, p => makassarProjects.Contains(p.Id));
        Assert.All(makassar.Projects.SelectMany(p => p.Strong), m => Assert.True(MatchStrength.IsStrong(m.Score)));
        Assert.All(makassar.Projects.SelectMany(p => p.Weak), m => Assert.False(MatchStrength.IsStrong(m.Score)));
        Assert.Empty(provider.Projects);
        Assert.NotEmpty(provider.Fits);
        Assert.Equal(provider.Fits.Select(f => f.Score).OrderDescending(), provider.Fits.Select(f => f.Score));
        Assert.Null(provider.Staff);
        Assert.Null(makassar.Staff);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/SignIn", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_day_before_each_participant_gets_their_agenda_once_with_each_meeting_in_their_own_time_zone(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        // The event is tomorrow where it takes place (Makassar, UTC+8), whatever the hour in UTC.
        var tomorrowInMakassar = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1);
        var eventId = await EventWithBothSidesAsync(app, official, provider, daysAhead: tomorrowInMakassar.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber);
        try
        {
            await using (var db = app.NewDb())
            {
                var ids = await db.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
                // Slot 1 is 09:25 in Makassar; slot 0 (09:00) is placed second, so the agenda must order by time.
                db.EventMeetings.Add(new EventMeeting { EventId = eventId, FirstRegistrationId = ids[0], SecondRegistrationId = ids[1], SlotIndex = 1, Table = 2, CreatedAt = DateTimeOffset.UtcNow });
                db.EventMeetings.Add(new EventMeeting { EventId = eventId, FirstRegistrationId = ids[1], SecondRegistrationId = ids[0], SlotIndex = 0, Table = 1, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }

            Assert.Equal(HttpStatusCode.NoContent, (await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule/publish", new PublishInput(true), AppFixture.Json)).StatusCode);
            var pass = app.Services.GetRequiredService<NoticePass>();
            await pass.RunAsync(CancellationToken.None);
            await pass.RunAsync(CancellationToken.None);

            var agendas = await NoticesAsync(app, $"agenda:{eventId}:");
            Assert.Equal(2, agendas.Count);
            var forOfficial = agendas.Single(n => n.To == AccountSeeder.DemoMakassarOfficialEmail).Body;
            var day = tomorrowInMakassar.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture);
            var first = forOfficial.IndexOf($"- {day} 09:00, table 1: ", StringComparison.Ordinal);
            var second = forOfficial.IndexOf($"- {day} 09:25, table 2: ", StringComparison.Ordinal);
            Assert.True(first >= 0 && second > first, forOfficial);
            Assert.Contains("AquaSense Analytics", forOfficial, StringComparison.Ordinal);
            // The provider chose Chicago: 09:00 in Makassar is the evening before there (read from the system's time zones).
            var nineInMakassar = new DateTimeOffset(tomorrowInMakassar.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
            var inChicago = TimeZoneInfo.ConvertTime(nineInMakassar, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
            var forProvider = agendas.Single(n => n.To == AccountSeeder.DemoProviderEmail).Body;
            Assert.Contains($"- {inChicago.ToString("ddd d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture)}, table 1: Andi Rahman, ", forProvider, StringComparison.Ordinal);
        }
        finally
        {
            // Other tests pick the soonest event both demo accounts attend: this one goes into the past once checked.
            await using var db = app.NewDb();
            foreach (var session in await db.EventSessions.Where(s => s.EventId == eventId).ToListAsync())
            {
                session.Date = session.Date.AddDays(-30);
            }

            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_request_left_unanswered_expires_once_and_tells_its_requester_unless_they_switched_that_notice_off(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var official = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var makassar = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var eventId = await EventWithBothSidesAsync(app, official, provider, daysAhead: 60);
        Assert.Equal(HttpStatusCode.Created, (await makassar.PostAsJsonAsync($"/api/events/{eventId}/registrations", new RegistrationInput(null), AppFixture.Json)).StatusCode);
        var registrants = (await official.GetFromJsonAsync<Web.Features.Shared.CollectionResponse<Registrant>>($"/api/events/{eventId}/registrants", AppFixture.Json))!.Items;
        var choices = (await official.GetFromJsonAsync<List<NoticeChoice>>("/api/my/notices", AppFixture.Json))!;
        var off = await official.PutAsJsonAsync("/api/my/notices", new NoticeChoicesInput([.. choices.Select(c => c.Kind).Where(k => k != NoticeKinds.RequestExpired)]), AppFixture.Json);
        var unknown = await official.PutAsJsonAsync("/api/my/notices", new NoticeChoicesInput(["carrier-pigeon"]), AppFixture.Json);
        async Task<int> RequestAsync(HttpClient from, Func<Registrant, bool> to)
        {
            var created = await from.PostAsJsonAsync($"/api/events/{eventId}/requests", new RequestInput(registrants.Single(to).Id, 2, null), AppFixture.Json);
            return (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<int>();
        }

        var fromOfficial = await RequestAsync(official, r => r.OrganizationName == "AquaSense Analytics");
        var fromProvider = await RequestAsync(provider, r => r.OrganizationName?.Contains("Makassar", StringComparison.Ordinal) == true);
        await using (var db = app.NewDb())
        {
            var ids = new[] { fromOfficial, fromProvider };
            foreach (var stored in await db.MeetingRequests.Where(r => ids.Contains(r.Id)).ToListAsync())
            {
                stored.CreatedAt = DateTimeOffset.UtcNow.AddDays(-30);
            }

            await db.SaveChangesAsync();
        }

        var pass = app.Services.GetRequiredService<NoticePass>();
        await pass.RunAsync(CancellationToken.None);
        await pass.RunAsync(CancellationToken.None);
        var expiredForOfficial = await NoticesAsync(app, $"{NoticeKinds.RequestExpired}:{fromOfficial}");
        var expiredForProvider = await NoticesAsync(app, $"{NoticeKinds.RequestExpired}:{fromProvider}");
        var stillOff = (await official.GetFromJsonAsync<List<NoticeChoice>>("/api/my/notices", AppFixture.Json))!.Single(c => c.Kind == NoticeKinds.RequestExpired);
        await official.PutAsJsonAsync("/api/my/notices", new NoticeChoicesInput([.. choices.Select(c => c.Kind)]), AppFixture.Json);

        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.False(stillOff.On);
        await using (var db = app.NewDb())
        {
            Assert.All(await db.MeetingRequests.Where(r => r.Id == fromOfficial || r.Id == fromProvider).ToListAsync(), r => Assert.Equal(MeetingRequestStatus.Expired, r.Status));
        }

        Assert.Empty(expiredForOfficial);
        Assert.Equal(AccountSeeder.DemoProviderEmail, Assert.Single(expiredForProvider).To);
    }
}
