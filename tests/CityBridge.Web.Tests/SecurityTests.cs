using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SecurityTests(AppFixture apps)
{
    private static async Task<int> ProjectIdAsync(TestApp app, string city)
    {
        await using var db = app.NewDb();
        return await db.Projects.Where(p => p.City!.Name == city && p.IsPublished).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Anonymous_visitors_cannot_change_anything_through_the_API(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var id = await ProjectIdAsync(app, "Makassar");

        var create = await app.Client.PostAsJsonAsync("/api/projects", new { title = "Sneaky", cityId = 1 });
        var delete = await app.Client.DeleteAsync($"/api/projects/{id}");
        var import = await app.Client.PostAsync("/api/import/providers", new StringContent("name\nX\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, import.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/projects/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_official_edits_their_own_citys_project_but_not_another_citys(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var own = (await official.GetFromJsonAsync<ProjectDto>($"/api/projects/{await ProjectIdAsync(app, "Makassar")}", AppFixture.Json))!;
        var other = (await official.GetFromJsonAsync<ProjectDto>($"/api/projects/{await ProjectIdAsync(app, "Da Nang")}", AppFixture.Json))!;

        var ownEdit = ProjectInput.From(own);
        ownEdit.Description = "Updated by the Makassar official";
        var otherEdit = ProjectInput.From(other);
        otherEdit.Description = "Should never be stored";
        var movedAway = ProjectInput.From(own);
        movedAway.CityId = other.CityId;

        Assert.Equal(HttpStatusCode.OK, (await official.PutAsJsonAsync($"/api/projects/{own.Id}", ownEdit, AppFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PutAsJsonAsync($"/api/projects/{other.Id}", otherEdit, AppFixture.Json)).StatusCode);
        var refreshed = (await official.GetFromJsonAsync<ProjectDto>($"/api/projects/{own.Id}", AppFixture.Json))!;
        movedAway.Version = refreshed.Version;
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PutAsJsonAsync($"/api/projects/{own.Id}", movedAway, AppFixture.Json)).StatusCode);
        var stored = await app.Client.GetFromJsonAsync<ProjectDto>($"/api/projects/{other.Id}", AppFixture.Json);
        Assert.NotEqual("Should never be stored", stored!.Description);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Unpublished_projects_are_hidden_from_everyone_but_staff_their_city_and_assigned_experts(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        int hidden;
        await using (var db = app.NewDb())
        {
            // The demo expert is assigned to an unpublished project outside Makassar.
            hidden = await db.ExpertAssignments.Select(a => a.ProjectId).SingleAsync();
            Assert.False(await db.Projects.Where(p => p.Id == hidden).Select(p => p.IsPublished || p.City!.Name == "Makassar").SingleAsync());
        }

        var makassarOfficial = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var expert = await app.ClientForAsync(AccountSeeder.DemoExpertEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/projects/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await makassarOfficial.GetAsync($"/api/projects/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/projects/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Staff.GetAsync($"/api/projects/{hidden}")).StatusCode);
        var publicList = await app.Client.GetFromJsonAsync<CollectionResponse<ProjectDto>>("/api/projects?pageSize=200", AppFixture.Json);
        Assert.DoesNotContain(publicList!.Items, p => p.Id == hidden);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/Projects/Details/{hidden}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_provider_manages_its_own_solutions_and_sees_only_its_own_contacts(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        await using var db = app.NewDb();
        var own = await db.Organizations.Where(o => o.Name == "AquaSense Analytics").Select(o => o.Id).SingleAsync();
        var other = await db.Organizations.Where(o => o.Name == "GridWise Energy").Select(o => o.Id).SingleAsync();

        var mine = await provider.PostAsJsonAsync("/api/solutions", new SolutionInput { OrganizationId = own, Name = Unique.Name("Pressure manager"), Sectors = ["water"] }, AppFixture.Json);
        var theirs = await provider.PostAsJsonAsync("/api/solutions", new SolutionInput { OrganizationId = other, Name = Unique.Name("Fake grid"), Sectors = ["energy"] }, AppFixture.Json);
        var contacts = await provider.GetFromJsonAsync<CollectionResponse<Features.Contacts.ContactDto>>("/api/contacts?pageSize=200", AppFixture.Json);
        var anonymousContacts = await app.Client.GetFromJsonAsync<CollectionResponse<Features.Contacts.ContactDto>>("/api/contacts", AppFixture.Json);

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.NotEmpty(contacts!.Items);
        Assert.All(contacts.Items, c => Assert.Equal(own, c.OrganizationId));
        Assert.Equal(0, anonymousContacts!.Total);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_read_only_token_cannot_write_and_a_revoked_token_is_refused(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var readOnly = await app.ClientForAsync(AccountSeeder.DemoStaffEmail, write: false);
        var revoked = await app.ClientForAsync(AccountSeeder.DemoStaffEmail);
        await using (var db = app.NewDb())
        {
            var hash = ApiTokenHandler.HashOf(revoked.DefaultRequestHeaders.Authorization!.Parameter!);
            var token = await db.ApiTokens.SingleAsync(t => t.Hash == hash);
            token.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            Assert.DoesNotContain(await db.ApiTokens.Select(t => t.Hash).ToListAsync(), h => h.StartsWith(ApiTokenHandler.Prefix, StringComparison.Ordinal));
        }

        var write = await readOnly.PostAsJsonAsync("/api/cities", new { name = "Read Only Town", countryCode = "VN", timeZone = "Asia/Ho_Chi_Minh" });
        var read = await readOnly.GetAsync("/api/contacts");
        var refused = await revoked.GetAsync("/api/cities");

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Every_change_is_in_the_audit_log_with_who_and_the_values_before_and_after(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var id = await ProjectIdAsync(app, "Bangkok");
        var project = (await app.Staff.GetFromJsonAsync<ProjectDto>($"/api/projects/{id}", AppFixture.Json))!;
        var edit = ProjectInput.From(project);
        edit.BudgetUsd = 19_500_000m;

        var response = await app.Staff.PutAsJsonAsync($"/api/projects/{id}", edit, AppFixture.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.NewDb();
        var entry = await db.AuditLog.Where(a => a.EntityType == "PriorityProject" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal("Updated", entry.Action);
        Assert.Equal(AccountSeeder.DemoStaffEmail, entry.UserName);
        Assert.Contains("BudgetUsd", entry.Before);
        Assert.Contains("19500000", entry.After);
        Assert.DoesNotContain("Title", entry.After);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Requests_take_turns_with_pooled_database_contexts_yet_each_change_is_audited_as_its_own_author(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var official = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        var staffProject = await ProjectIdAsync(app, "Bangkok");
        var officialProject = await ProjectIdAsync(app, "Makassar");
        long firstEntry;
        await using (var db = app.NewDb())
        {
            firstEntry = await db.AuditLog.MaxAsync(a => a.Id);
        }

        // One after the other, so each request leases the context the one before gave back.
        for (var round = 1; round <= 3; round++)
        {
            foreach (var (client, id) in new[] { (app.Staff, staffProject), (official, officialProject) })
            {
                var edit = ProjectInput.From((await client.GetFromJsonAsync<ProjectDto>($"/api/projects/{id}", AppFixture.Json))!);
                edit.BudgetUsd = 1_000_000m * round;
                Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/projects/{id}", edit, AppFixture.Json)).StatusCode);
            }
        }

        await using var check = app.NewDb();
        var authors = await check.AuditLog.Where(a => a.Id > firstEntry && a.EntityType == "PriorityProject")
            .Select(a => new { a.EntityId, a.UserName }).ToListAsync();
        Assert.Equal(6, authors.Count);
        Assert.All(authors, a => Assert.Equal(a.EntityId == staffProject.ToString(CultureInfo.InvariantCulture) ? AccountSeeder.DemoStaffEmail : AccountSeeder.DemoMakassarOfficialEmail, a.UserName));
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE \"Projects\"; --")]
    [InlineData("%' UNION SELECT * FROM \"AspNetUsers\" --")]
    public async Task SQL_in_search_text_is_just_text(string payload)
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Client.GetAsync($"/api/projects?q={Uri.EscapeDataString(payload)}");
        var result = await response.Content.ReadFromJsonAsync<CollectionResponse<ProjectDto>>(AppFixture.Json);
        var page = await app.Client.GetAsync($"/Projects?q={Uri.EscapeDataString(payload)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, result!.Total);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var db = app.NewDb();
        Assert.True(await db.Projects.AnyAsync());
    }

    [Fact]
    public async Task Script_in_stored_text_is_shown_as_text_not_run()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        await using var db = app.NewDb();
        var cityId = await db.Cities.Where(c => c.Name == "Cebu City").Select(c => c.Id).SingleAsync();
        var title = "<script>alert('x')</script> " + Unique.Name("Bus");

        var created = await app.Staff.PostAsJsonAsync("/api/projects", new ProjectInput { CityId = cityId, Title = title, Sectors = ["transportation"], Stage = Core.Domain.ProjectStage.Idea }, AppFixture.Json);
        var project = (await created.Content.ReadFromJsonAsync<ProjectDto>(AppFixture.Json))!;
        var html = await app.Client.GetStringAsync($"/Projects/Details/{project.Id}");

        Assert.DoesNotContain("<script>alert('x')</script>", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_without_a_server_error_and_stores_nothing()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var hugeTitle = new string('x', 2_000_000);

        var response = await app.Staff.PostAsync("/api/projects", new StringContent($"{{\"title\":\"{hugeTitle}\",\"cityId\":1,\"sectors\":[\"water\"],\"stage\":\"Idea\"}}", Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        await using var db = app.NewDb();
        Assert.False(await db.Projects.AnyAsync(p => p.Title.StartsWith("xxxxxxxxxx")));
    }

    [Fact]
    public async Task Pages_send_security_headers_with_a_CSP_that_forbids_inline_scripts()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Client.GetAsync("/Projects");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Server_errors_show_no_stack_trace()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Client.GetAsync("/Status/500");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("at CityBridge.", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task An_invited_user_sets_a_password_from_the_emailed_link_and_can_then_sign_in()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var email = $"{Guid.NewGuid():N}@invited.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var invitations = scope.ServiceProvider.GetRequiredService<Invitations>();
            var (user, errors) = await invitations.InviteAsync(new InvitationInput { Email = email, FullName = "New Expert", Role = Roles.Expert },
                (invited, code) => $"{app.BaseAddress}Account/ResetPassword?invitation=true&userId={invited.Id}&code={code}", CancellationToken.None);
            Assert.True(errors.IsEmpty);
            Assert.NotNull(user);
        }

        await using var db = app.NewDb();
        var body = await db.Outbox.Where(m => m.To == email).Select(m => m.Body).SingleAsync();
        var link = new Uri(body.Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal)).Trim());
        using var browser = new FormPost(app.BaseAddress);

        var beforeAccept = await browser.SubmitAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "whatever-1234" });
        var (_, accepted) = await browser.SubmitAsync(link.PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = "a-long-new-password", ["Input.Confirm"] = "a-long-new-password" });
        var (signedIn, home) = await browser.SubmitAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "a-long-new-password" });

        Assert.Contains("The e-mail address or the password is wrong.", beforeAccept.Html);
        Assert.True(accepted.Contains("Your password is set."), accepted[accepted.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Equal("/My", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("New Expert", home);
    }
}

public sealed class DedicatedAppSecurityTests
{
    [Fact]
    public async Task Sign_in_posts_are_rate_limited_per_account_and_client_with_a_styled_page()
    {
        await using var app = await TestApp.StartAsync(TestDatabase.Sqlite, demoData: false, new Dictionary<string, string?>
        {
            ["CityBridge:SignInAttemptsPerMinute"] = "3",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["Matching:Enabled"] = "false",
        });
        using var delegate1 = new Session(app.BaseAddress, forwardedFor: "203.0.113.10");
        using var sameWifi = new Session(app.BaseAddress, forwardedFor: "203.0.113.10");
        using var elsewhere = new Session(app.BaseAddress, forwardedFor: "198.51.100.10");
        var statuses = new List<HttpStatusCode>();
        string refusedPage = string.Empty;

        for (var i = 0; i < 5; i++)
        {
            var (response, html) = await delegate1.SignInAsync("delegate@example.com", "wrong-password");
            statuses.Add(response.StatusCode);
            refusedPage = html;
        }

        var (otherAccount, _) = await sameWifi.SignInAsync("colleague@example.com", "wrong-password");
        var (sameAccountElsewhere, _) = await elsewhere.SignInAsync("delegate@example.com", "wrong-password");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Too many requests", refusedPage);
        Assert.Contains("<html", refusedPage);
        Assert.DoesNotContain("\"status\":429", refusedPage);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sameAccountElsewhere.StatusCode);
    }

    [Fact]
    public async Task Production_refuses_to_start_with_the_demo_accounts()
    {
        var app = CityBridgeApp.Build(["--environment=Production", "--CityBridge:DemoData=true", $"--ConnectionStrings:CityBridge=Data Source={Path.GetTempFileName()}"]);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => app.PrepareDatabaseAsync());

        Assert.Contains("DemoData", refusal.Message);
        await app.DisposeAsync();
    }
}
