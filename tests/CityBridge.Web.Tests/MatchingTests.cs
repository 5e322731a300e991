using System.Net;
using System.Net.Http.Json;
using CityBridge.Core.Domain;
using CityBridge.Core.Matching;
using CityBridge.Testing;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Jobs;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class MatchingTests(AppFixture apps)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static async Task<int> ProjectIdAsync(TestApp app, string title)
    {
        await using var db = app.NewDb();
        return await db.Projects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync();
    }

    private static async Task<int> OrganizationIdAsync(TestApp app, string name)
    {
        await using var db = app.NewDb();
        return await db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Polls the API until the condition holds: matching runs in the background.</summary>
    private static async Task<List<MatchItem>> EventuallyAsync(HttpClient client, string url, Func<List<MatchItem>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        List<MatchItem> items = [];
        while (DateTime.UtcNow < deadline)
        {
            items = [.. (await client.GetFromJsonAsync<CollectionResponse<MatchItem>>(url, AppFixture.Json))!.Items];
            if (condition(items))
            {
                return items;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{url} did not reach the expected state within {Patience.TotalSeconds} s; last saw: {string.Join(", ", items.Select(i => i.OrganizationName))}");
        return items;
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Every_demo_project_gets_explained_suggestions_with_the_water_loss_specialist_first_for_Makassar(TestDatabase database)
    {
        // Its own app: the shared one's demo providers and curations are changed by other tests, and in the full run
        // (not alone) the shared app's Makassar list had another water provider first.
        await using var app = await TestApp.StartAsync(database);
        var makassar = await ProjectIdAsync(app, "Non-revenue water reduction programme");

        var items = await EventuallyAsync(app.Staff, $"/api/projects/{makassar}/matches", i => i.Count >= 10);

        Assert.Equal("AquaSense Analytics", items[0].OrganizationName);
        Assert.All(items, i =>
        {
            Assert.InRange(i.Score, 0, 1);
            Assert.Equal(i.Score, i.Signals.Sum(s => s.Contribution), 6);
        });
        Assert.Contains(items[0].Signals, s => s.Name == "country" && s.Why == "has delivered in Indonesia");
        Assert.Equal(items.Select(i => i.Score).OrderDescending(), items.Select(i => i.Score));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_new_provider_is_matched_in_the_background_and_reaches_the_top_of_the_project_it_describes(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var project = await ProjectIdAsync(app, "Flood early warning and response");
        await EventuallyAsync(app.Staff, $"/api/projects/{project}/matches", i => i.Count > 0);
        var described = (await app.Staff.GetFromJsonAsync<ProjectDto>($"/api/projects/{project}", AppFixture.Json))!;
        var name = Unique.Name("FloodCast");
        var input = new OrganizationInput
        {
            Name = name,
            Kind = OrganizationKind.Provider,
            CountryCode = "US",
            Sectors = [.. described.Sectors],
            ExperienceCountries = [described.CountryCode],
            Standards = [.. described.StandardsWanted],
            Description = $"{described.Title}. {described.Description}",
        };

        var created = await app.Staff.PostAsJsonAsync("/api/organizations", input, AppFixture.Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var items = await EventuallyAsync(app.Staff, $"/api/projects/{project}/matches", i => i.Any(m => m.OrganizationName == name));
        var match = items.Single(m => m.OrganizationName == name);
        // Its description is the project's own text; a long-standing flood specialist may still edge it on keywords.
        Assert.InRange(items.IndexOf(match), 0, 2);
        Assert.True(match.Signals.Single(s => s.Name == "semantic").Value >= 0.99);
        Assert.Equal(1, match.Signals.Single(s => s.Name == "sector").Value);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_pin_and_hide_suggestions_and_the_city_sees_the_curated_list(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var project = await ProjectIdAsync(app, "Safe drinking water for peri-urban communes");
        var before = await EventuallyAsync(app.Staff, $"/api/projects/{project}/matches", i => i.Count >= 5);
        var pinned = before[4].OrganizationId;
        var hidden = before[0].OrganizationId;

        var pin = await app.Staff.PutAsJsonAsync($"/api/projects/{project}/matches/{pinned}/curation", new CurationInput(Pinned: true, Hidden: false, Endorsed: true), AppFixture.Json);
        var hide = await app.Staff.PutAsJsonAsync($"/api/projects/{project}/matches/{hidden}/curation", new CurationInput(Pinned: false, Hidden: true, Endorsed: false), AppFixture.Json);
        var staffView = (await app.Staff.GetFromJsonAsync<CollectionResponse<MatchItem>>($"/api/projects/{project}/matches", AppFixture.Json))!.Items;

        Assert.Equal(HttpStatusCode.NoContent, pin.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, hide.StatusCode);
        Assert.Equal(pinned, staffView[0].OrganizationId);
        Assert.True(staffView[0].Endorsed);
        Assert.True(staffView.Single(i => i.OrganizationId == hidden).Hidden);
        var staffOnProviderPage = (await app.Staff.GetFromJsonAsync<CollectionResponse<MatchItem>>($"/api/organizations/{hidden}/matches", AppFixture.Json))!.Items;
        Assert.True(staffOnProviderPage.Single(i => i.ProjectId == project).Hidden);
    }

    [Fact]
    public async Task With_no_marks_the_matching_page_says_so_instead_of_showing_zero_percent()
    {
        await using var app = await TestApp.StartAsync(TestDatabase.Sqlite);
        await using (var db = app.NewDb())
        {
            db.MatchMarks.RemoveRange(db.MatchMarks);
            await db.SaveChangesAsync();
        }

        var html = System.Net.WebUtility.HtmlDecode(await app.Staff.GetStringAsync("/Matching"));

        Assert.Contains("No marks yet", html, StringComparison.Ordinal);
        Assert.Contains("Fitting needs marks on at least 2 projects", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0 %", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0%", html, StringComparison.Ordinal);
        Assert.DoesNotContain("apply-fitted", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Suggestions_carry_a_fit_label_and_the_project_page_shows_it_with_what_fits(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var makassar = await ProjectIdAsync(app, "Non-revenue water reduction programme");
        var items = await EventuallyAsync(app.Staff, $"/api/projects/{makassar}/matches", i => i.Count >= 10);

        var html = System.Net.WebUtility.HtmlDecode(await app.Staff.GetStringAsync($"/Projects/Details/{makassar}"));

        Assert.All(items, i => Assert.Equal(MatchFit.Of(i.Score), i.Fit));
        Assert.NotEqual(FitLabel.Weak, items[0].Fit);
        Assert.Contains(MatchFit.Describe(items[0].Fit), html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"fits-because\"", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("similarity", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Marks_are_stored_per_person_and_evaluated_as_precision_and_ndcg(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var project = await ProjectIdAsync(app, "Non-revenue water reduction programme");
        var items = await EventuallyAsync(app.Staff, $"/api/projects/{project}/matches", i => i.Count >= 3);
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var before = await app.Staff.GetFromJsonAsync<EvaluationDto>("/api/matching/evaluation", AppFixture.Json);

        var relevant = await official.PutAsJsonAsync($"/api/projects/{project}/matches/{items[0].OrganizationId}/mark", new MarkInput(true), AppFixture.Json);
        var notRelevant = await official.PutAsJsonAsync($"/api/projects/{project}/matches/{items[2].OrganizationId}/mark", new MarkInput(false), AppFixture.Json);
        var again = await official.PutAsJsonAsync($"/api/projects/{project}/matches/{items[2].OrganizationId}/mark", new MarkInput(false), AppFixture.Json);
        var empty = await official.PutAsJsonAsync($"/api/projects/{project}/matches/{items[2].OrganizationId}/mark", new MarkInput(null), AppFixture.Json);
        var after = await app.Staff.GetFromJsonAsync<EvaluationDto>("/api/matching/evaluation", AppFixture.Json);

        Assert.Equal(HttpStatusCode.NoContent, relevant.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, notRelevant.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(before!.PairsJudged + 2, after!.PairsJudged);
        Assert.InRange(after.NdcgAt10, 0, 1);
        Assert.InRange(after.PrecisionAt5, 0, 1);
        var inverted = await app.Staff.GetFromJsonAsync<EvaluationDto>("/api/matching/evaluation?sector=0&semantic=0&keyword=0&country=0&standards=0&stage=0&budget=1", AppFixture.Json);
        Assert.Equal(after.PairsJudged, inverted!.PairsJudged);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_full_rematch_whose_instance_died_is_taken_over_and_resumes_after_the_last_stored_project(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var before = DateTimeOffset.UtcNow;
        int jobId, resumeAfter, projects;
        await using (var db = app.NewDb())
        {
            var ids = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            (resumeAfter, projects) = (ids[ids.Count / 2], ids.Count);
            // A re-match another instance was running when it was killed: its lease ran out after it stored half the projects.
            var job = new RematchJob
            {
                State = JobState.Running,
                Owner = "instance-that-died",
                LeaseUntilMs = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds(),
                Attempts = 1,
                ResumeAfterProjectId = resumeAfter,
                CreatedAt = before,
                StartedAt = before,
            };
            db.RematchJobs.Add(job);
            await db.SaveChangesAsync();
            jobId = job.Id;
        }

        var deadline = DateTime.UtcNow + Patience;
        RematchJob done;
        do
        {
            await Task.Delay(250);
            await using var db = app.NewDb();
            done = await db.RematchJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        }
        while (done.State != JobState.Finished && DateTime.UtcNow < deadline);

        Assert.Equal(JobState.Finished, done.State);
        Assert.NotEqual("instance-that-died", done.Owner);
        Assert.Equal(2, done.Attempts);
        Assert.Contains($"resumed after project {resumeAfter}", done.Message);
        Assert.Equal((projects, projects), (done.Done, done.Total));
        await using var check = app.NewDb();
        // SQLite cannot compare DateTimeOffset values in a query: the times are compared here.
        var fresh = (await check.Matches.Where(m => m.ProjectId > resumeAfter).Select(m => new { m.ProjectId, m.ComputedAt }).ToListAsync())
            .Where(m => m.ComputedAt >= before).Select(m => m.ProjectId).Distinct().Count();
        Assert.Equal(await check.Projects.CountAsync(p => p.Id > resumeAfter), fresh);
        var status = await app.Staff.GetFromJsonAsync<RematchStatus>("/api/matching/status", AppFixture.Json);
        Assert.Equal("done", status!.Phase);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_edited_project_is_matched_again_once_and_not_on_every_later_poll_of_the_change_feed(TestDatabase database)
    {
        // An app of its own: the shared ones re-match everything whenever another test adds a provider.
        await using var app = await TestApp.StartAsync(database, demoData: true, new Dictionary<string, string?> { ["Matching:PollInterval"] = "00:00:00.2" });
        await MatchingSettledAsync(app);
        var deadline = DateTime.UtcNow + Patience;
        var project = await ProjectIdAsync(app, "Flood early warning and response");
        var edited = DateTimeOffset.UtcNow;
        await using (var db = app.NewDb())
        {
            var entity = await db.Projects.SingleAsync(p => p.Id == project);
            entity.Description += " Sirens in every riverside district.";
            await db.SaveChangesAsync();
        }

        async Task<DateTimeOffset> LatestComputedAtAsync() => (await ComputedAtByProjectAsync(app)).Values.Max();

        while (await LatestComputedAtAsync() < edited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var rematched = await LatestComputedAtAsync();
        Assert.True(rematched >= edited, "the edited project was not matched again");
        // About fifteen polls: the change is still inside the feed's re-read window, and it was handled already.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(rematched, await LatestComputedAtAsync());
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_restarted_instance_finds_the_stored_lists_current_and_ranks_only_what_changed_while_it_was_down(TestDatabase database)
    {
        var settings = new Dictionary<string, string?> { ["Matching:PollInterval"] = "00:00:00.2" };
        await using var first = await TestApp.StartAsync(database, demoData: true, settings);
        await MatchingSettledAsync(first);
        var project = await ProjectIdAsync(first, "Flood early warning and response");
        var before = await ComputedAtByProjectAsync(first);
        await first.StopAsync();

        // While no instance runs, one project is edited: the restart must rank it, and only it.
        await using (var db = first.NewDb())
        {
            var entity = await db.Projects.SingleAsync(p => p.Id == project);
            entity.Description += " Sirens in every riverside district.";
            await db.SaveChangesAsync();
        }

        await using var second = await TestApp.StartAsync(database, demoData: false, new Dictionary<string, string?>(settings) { ["ConnectionStrings:CityBridge"] = first.ConnectionString });
        await MatchingSettledAsync(second);
        var deadline = DateTime.UtcNow + Patience;
        // The second app's own NewDb names a database it never created: read through the first's.
        var after = await ComputedAtByProjectAsync(first);
        while (after[project] == before[project] && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            after = await ComputedAtByProjectAsync(first);
        }

        Assert.True(after[project] > before[project], "the project edited while no instance ran was not ranked again");
        Assert.Equal(before.Where(p => p.Key != project), after.Where(p => p.Key != project));
    }

    /// <summary>Waits until the instance's engine has loaded and its start-up ranking (if any) is done.</summary>
    private static async Task MatchingSettledAsync(TestApp app)
    {
        var engine = app.Services.GetRequiredService<MatchingEngine>();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            using var scope = app.Services.CreateScope();
            if (engine.IsLoaded && (await engine.StatusAsync(scope.ServiceProvider.GetRequiredService<CityBridgeDb>(), CancellationToken.None)).Phase == "done")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(engine.IsLoaded, "the matching engine did not load");
    }

    private static async Task<Dictionary<int, DateTimeOffset>> ComputedAtByProjectAsync(TestApp app)
    {
        await using var db = app.NewDb();
        // SQLite cannot compare DateTimeOffset values in a query: the latest time per project is taken here.
        return (await db.Matches.Select(m => new { m.ProjectId, m.ComputedAt }).ToListAsync())
            .GroupBy(m => m.ProjectId).ToDictionary(g => g.Key, g => g.Max(m => m.ComputedAt));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Weights_are_validated_field_by_field_and_a_stale_version_is_a_conflict(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var current = (await app.Staff.GetFromJsonAsync<WeightsDto>("/api/matching/weights", AppFixture.Json))!;

        var invalid = await app.Staff.PutAsJsonAsync("/api/matching/weights", current with { Keyword = -3 }, AppFixture.Json);
        var saved = await app.Staff.PutAsJsonAsync("/api/matching/weights", current, AppFixture.Json);
        var stale = await app.Staff.PutAsJsonAsync("/api/matching/weights", current with { Version = Guid.NewGuid() }, AppFixture.Json);
        var problem = await invalid.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("must be a number from 0 to 100", Assert.Single(problem!.Errors["keyword"]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Only_the_project_city_staff_and_experts_see_its_suggestions_and_a_provider_sees_only_its_own_leads(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var makassar = await ProjectIdAsync(app, "Non-revenue water reduction programme");
        var aquaSense = await OrganizationIdAsync(app, "AquaSense Analytics");
        var other = await OrganizationIdAsync(app, "GridWise Energy");
        await EventuallyAsync(app.Staff, $"/api/organizations/{aquaSense}/matches", i => i.Count > 0);
        var makassarOfficial = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var daNangOfficial = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);

        Assert.Equal(HttpStatusCode.OK, (await makassarOfficial.GetAsync($"/api/projects/{makassar}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await daNangOfficial.GetAsync($"/api/projects/{makassar}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/projects/{makassar}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync($"/api/projects/{makassar}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync($"/api/organizations/{aquaSense}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/organizations/{other}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await makassarOfficial.PutAsJsonAsync($"/api/projects/{makassar}/matches/{aquaSense}/curation", new CurationInput(true, false, false), AppFixture.Json)).StatusCode);
        var leads = (await provider.GetFromJsonAsync<CollectionResponse<MatchItem>>($"/api/organizations/{aquaSense}/matches", AppFixture.Json))!.Items;
        Assert.All(leads, l => Assert.Equal(aquaSense, l.OrganizationId));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_cyber_readiness_page_lists_cybersecurity_providers_ranked_by_the_engine(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var makassar = await ProjectIdAsync(app, "Non-revenue water reduction programme");
        await EventuallyAsync(app.Staff, $"/api/projects/{makassar}/matches", i => i.Count > 0);
        await using var db = app.NewDb();
        var cyberProviders = (await db.Organizations.Where(o => o.Kind == OrganizationKind.Provider).ToListAsync())
            .Where(o => o.Sectors.Contains("cybersecurity")).Select(o => o.Name).ToList();

        var html = await app.Staff.GetStringAsync($"/Projects/{makassar}/Readiness/Cyber");
        var start = html.IndexOf("data-testid=\"cyber-providers\"", StringComparison.Ordinal);
        var list = html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];

        Assert.True(start >= 0, "the page shows ranked cybersecurity providers");
        var listed = cyberProviders.Where(name => list.Contains(System.Net.WebUtility.HtmlEncode(name), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(listed);
        Assert.DoesNotContain("AquaSense Analytics", list, StringComparison.Ordinal);
        Assert.Contains("match ", list, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_provider_sees_open_events_ranked_by_its_fit_to_the_cities_registered_there(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var aquaSense = await OrganizationIdAsync(app, "AquaSense Analytics");
        await EventuallyAsync(app.Staff, $"/api/organizations/{aquaSense}/matches", i => i.Count > 0);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);

        var html = await provider.GetStringAsync($"/Organizations/Details/{aquaSense}");
        var start = html.IndexOf("data-testid=\"open-events\"", StringComparison.Ordinal);

        Assert.True(start >= 0, "the provider's page lists open events");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var nameAt = table.IndexOf(System.Net.WebUtility.HtmlEncode(Features.Events.DemoEvent.Name), StringComparison.Ordinal);
        Assert.True(nameAt >= 0, "the demo event is listed");
        var row = table[nameAt..table.IndexOf("</tr>", nameAt, StringComparison.Ordinal)];
        // Makassar's official is registered for the demo event: the row names AquaSense's best-fitting Makassar project.
        await using var db = app.NewDb();
        var best = await (from m in db.Matches
                          join p in db.Projects on m.ProjectId equals p.Id
                          where m.OrganizationId == aquaSense && p.City!.Name == "Makassar" && p.IsPublished
                          orderby m.Score descending
                          select p.Title).FirstAsync();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(best), row, StringComparison.Ordinal);
    }
}
