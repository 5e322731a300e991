using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

/// <summary>Accounts made for one test, with a known password and, when asked, an authenticator key.</summary>
internal static class TestAccounts
{
    public const string Password = "a-long-test-password";
    public const string AuthenticatorKey = AccountSeeder.DemoStaffAuthenticatorKey;

    public static async Task<string> CreateAsync(TestApp app, string role, bool twoFactor = false)
    {
        var email = $"{Guid.NewGuid():N}@accounts.example";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityBridgeUser>>();
        var user = new CityBridgeUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Test {role}" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (twoFactor)
        {
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return email;
    }

    public static string CurrentCode() => SingleUseAuthenticatorTokenProvider.CodeAt(
        SingleUseAuthenticatorTokenProvider.Base32Decode(AuthenticatorKey), DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30).ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>A browser-like session: cookies, antiforgery tokens, and optionally the headers a proxy adds.</summary>
internal sealed partial class Session : IDisposable
{
    public Session(Uri baseAddress, string? forwardedFor = null, string? host = null)
    {
        BaseAddress = baseAddress;
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true }) { BaseAddress = baseAddress };
        if (forwardedFor is not null)
        {
            Client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        if (host is not null)
        {
            Client.DefaultRequestHeaders.Host = host;
        }
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string path, IDictionary<string, string> fields, Action<HttpRequestMessage>? adjust = null)
    {
        var form = await Client.GetStringAsync(path);
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token))),
        };
        adjust?.Invoke(request);
        var response = await Client.SendAsync(request);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public Task<(HttpResponseMessage Response, string Html)> SignInAsync(string email, string password) =>
        PostFormAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The sign-in cookie(s) as a Cookie header, as someone who copied them would send them.</summary>
    public string AuthCookieHeader() => string.Join("; ", Cookies.GetAllCookies().Where(c => c.Name.StartsWith("CityBridge.Auth", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));

    public static string? FormMessage(string html) => SummaryPattern().Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("validation-summary-errors[^>]*>\\s*<ul>\\s*<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();
}

[Collection(AppCollection.Name)]
public sealed class SecurityHardeningTests(AppFixture apps)
{
    private static async Task<int> DemoEventIdAsync(TestApp app)
    {
        await using var db = app.NewDb();
        return await db.Events.Where(e => e.Name == Features.Events.DemoEvent.Name).Select(e => e.Id).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_password_reset_link_points_at_the_public_address_whatever_Host_the_request_names(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = await TestAccounts.CreateAsync(app, Roles.Expert);
        using var session = new Session(app.BaseAddress);

        var (response, _) = await session.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email },
            request => request.Headers.Host = "evil.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.NewDb();
        var body = await db.Outbox.Where(m => m.To == email).Select(m => m.Body).SingleAsync();
        var link = body.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        Assert.DoesNotContain("evil.example", body);
        Assert.StartsWith(app.Services.GetRequiredService<PublicUrls>().Root + "Account/ResetPassword?", link);
        Assert.StartsWith(app.BaseAddress.ToString(), link);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_without_a_second_factor_can_only_set_it_up_or_sign_out(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = await TestAccounts.CreateAsync(app, Roles.Staff);
        using var session = new Session(app.BaseAddress);
        using var token = await app.ClientForAsync(email);

        var (signedIn, _) = await session.SignInAsync(email, TestAccounts.Password);
        var tokens = await session.Client.GetAsync("/Account/Tokens");
        var invite = await session.Client.GetAsync("/Account/Invite");
        var api = await session.Client.GetAsync("/api/contacts");
        var setUp = await session.Client.GetAsync("/Account/SetUpTwoFactor");
        var signOut = await session.Client.GetAsync("/Account/SignOut");
        var withToken = await token.GetAsync("/api/contacts");

        Assert.Equal("/Account/SetUpTwoFactor", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/Account/SetUpTwoFactor", tokens.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/Account/SetUpTwoFactor", invite.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
        Assert.Equal("/Account/SignOut", signOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_opportunity_on_a_project_the_provider_cannot_see_is_refused_as_if_the_project_did_not_exist(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        int aquaSense, hidden;
        await using (var db = app.NewDb())
        {
            aquaSense = await db.Organizations.Where(o => o.Name == "AquaSense Analytics").Select(o => o.Id).SingleAsync();
            hidden = await db.ExpertAssignments.Select(a => a.ProjectId).FirstAsync();
            Assert.False(await db.Projects.Where(p => p.Id == hidden).Select(p => p.IsPublished).SingleAsync());
        }

        var missing = 987_654_321;
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);

        var onHidden = await provider.PostAsJsonAsync("/api/opportunities", new { providerId = aquaSense, projectId = hidden, stage = "Met" });
        var onMissing = await provider.PostAsJsonAsync("/api/opportunities", new { providerId = aquaSense, projectId = missing, stage = "Met" });
        var hiddenBody = JsonNode.Parse(await onHidden.Content.ReadAsStringAsync())!;
        var missingBody = JsonNode.Parse(await onMissing.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, onMissing.StatusCode);
        Assert.Equal(onMissing.StatusCode, onHidden.StatusCode);
        Assert.Equal($"There is no project with id {hidden}.", hiddenBody["errors"]!["projectId"]![0]!.GetValue<string>());
        Assert.Equal($"There is no project with id {missing}.", missingBody["errors"]!["projectId"]![0]!.GetValue<string>());
        Assert.Equal(missingBody["title"]!.GetValue<string>(), hiddenBody["title"]!.GetValue<string>());
        await using var check = app.NewDb();
        var hiddenTitle = await check.Projects.Where(p => p.Id == hidden).Select(p => p.Title).SingleAsync();
        Assert.DoesNotContain(hiddenTitle, hiddenBody.ToJsonString());
        Assert.False(await check.Opportunities.AnyAsync(o => o.ProviderId == aquaSense && o.ProjectId == hidden));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task CSV_exports_neutralise_cells_that_a_spreadsheet_would_run_as_formulas(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        int gridWise, aquaSense;
        await using (var db = app.NewDb())
        {
            gridWise = await db.Organizations.Where(o => o.Name == "GridWise Energy").Select(o => o.Id).SingleAsync();
            aquaSense = await db.Organizations.Where(o => o.Name == "AquaSense Analytics").Select(o => o.Id).SingleAsync();
        }

        var marker = Guid.NewGuid().ToString("N")[..8];
        var formula = $"=HYPERLINK(\"http://evil.example/{marker}\",\"open\")";
        var contact = await app.Staff.PostAsJsonAsync("/api/contacts",
            new ContactInput { OrganizationId = gridWise, FullName = formula, Email = $"{marker}@formula.example", JobTitle = $"+{marker}+1", Phone = "-1 555 0199", Consented = true }, AppFixture.Json);
        var solution = await app.Staff.PostAsJsonAsync("/api/solutions",
            new SolutionInput { OrganizationId = aquaSense, Name = $"@SUM({marker})", Sectors = ["water"], Description = $"+cmd|' /C calc'!A0 {marker}" }, AppFixture.Json);
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        Assert.Equal(HttpStatusCode.Created, solution.StatusCode);

        var contacts = await app.Staff.GetStringAsync("/api/export/contacts");
        var solutions = await app.Staff.GetStringAsync("/api/export/solutions");

        var contactLine = contacts.Split('\n').Single(l => l.Contains(marker, StringComparison.Ordinal) && l.Contains("formula.example", StringComparison.Ordinal));
        Assert.Contains($"\"'=HYPERLINK(\"\"http://evil.example/{marker}\"\",\"\"open\"\")\"", contactLine);
        Assert.Contains($"'+{marker}+1", contactLine);
        Assert.Contains("'-1 555 0199", contactLine);
        Assert.Contains($"'@SUM({marker})", solutions);
        Assert.Contains($"'+cmd|' /C calc'!A0 {marker}", solutions);
        Assert.DoesNotContain($",@SUM({marker})", solutions);

        // The quoted cells do not import back to the same keys: leave no such records for the import round-trip tests.
        foreach (var (collection, created) in new[] { ("contacts", contact), ("solutions", solution) })
        {
            var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
            Assert.Equal(HttpStatusCode.NoContent, (await app.Staff.DeleteAsync($"/api/{collection}/{id}")).StatusCode);
        }
    }

    [Fact]
    public void The_program_report_CSV_neutralises_a_provider_name_that_looks_like_a_formula()
    {
        var view = new Features.Programs.ProgramReportView(1, "Workshop", 2, 2, 1, 0, 0, 1, Core.Programs.FeedbackSummary.Of([4]), [],
            [new Features.Programs.FollowUp(1, "=cmd|' /C calc'!A0", "Smart water", "Met", 1000m, DateTimeOffset.UtcNow)]);

        var csv = Encoding.UTF8.GetString(Features.Programs.ProgramReport.ToCsv(view));

        Assert.Contains("'=cmd|' /C calc'!A0 / Smart water (Met)", csv);
        Assert.DoesNotContain(",=cmd", csv);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Erasing_a_contact_also_erases_their_interest_its_organisation_and_the_triage_notes_about_them(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var email = $"{marker}@person.example";
        int organizationId, interestId;
        await using (var db = app.NewDb())
        {
            organizationId = await db.Organizations.Where(o => o.Name == "GridWise Energy").Select(o => o.Id).SingleAsync();
            var interest = new Features.Interests.Interest
            {
                FullName = $"Pat {marker}",
                Email = email,
                OrganizationName = $"Private Org {marker}",
                Message = "Looking for partners in smart water.",
                ConsentText = Features.Interests.InterestInput.PrivacyText,
                ConsentedAt = DateTimeOffset.UtcNow,
                ReceivedAt = DateTimeOffset.UtcNow,
                History = [new Features.Interests.InterestEvent { At = DateTimeOffset.UtcNow, By = "staff", Action = "Assigned", Note = $"Called Pat {marker} on the mobile" }],
            };
            db.Interests.Add(interest);
            await db.SaveChangesAsync();
            interestId = interest.Id;
        }

        var created = await app.Staff.PostAsJsonAsync("/api/contacts", new ContactInput { OrganizationId = organizationId, FullName = $"Pat {marker}", Email = email, Consented = true }, AppFixture.Json);
        var contact = (await created.Content.ReadFromJsonAsync<ContactDto>(AppFixture.Json))!;
        var listBefore = await app.Staff.GetStringAsync("/Interests");

        var export = await app.Staff.GetStringAsync($"/Contacts/Privacy/{contact.Id}?handler=Export");
        var page = await app.Staff.GetStringAsync($"/Contacts/Privacy/{contact.Id}");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var erase = await app.Staff.PostAsync($"/Contacts/Privacy/{contact.Id}?handler=Erase", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var listAfter = await app.Staff.GetStringAsync("/Interests");
        var details = await app.Staff.GetStringAsync($"/Interests/Details/{interestId}");

        Assert.True(erase.IsSuccessStatusCode);
        Assert.Contains($"Called Pat {marker} on the mobile", export);
        Assert.Contains($"Private Org {marker}", export);
        Assert.Contains($"Private Org {marker}", listBefore);
        Assert.DoesNotContain(marker, listAfter);
        Assert.DoesNotContain(marker, details);
        await using var check = app.NewDb();
        var erased = await check.Interests.Include(i => i.History).SingleAsync(i => i.Id == interestId);
        Assert.DoesNotContain(marker, erased.OrganizationName);
        Assert.DoesNotContain(marker, erased.FullName + erased.Email + erased.Message);
        Assert.All(erased.History, h => Assert.DoesNotContain(marker, h.Note ?? string.Empty));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_read_only_staff_token_cannot_start_a_rematch(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        using var readOnly = await app.ClientForAsync(AccountSeeder.DemoStaffEmail, write: false);

        var response = await readOnly.PostAsync("/api/matching/rematch", null);
        var status = await readOnly.GetAsync("/api/matching/status");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_scheduler_time_limit_that_is_not_a_finite_number_is_a_400_naming_the_field(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var eventId = await DemoEventIdAsync(app);

        foreach (var value in new[] { "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-5", "\"soon\"", "true" })
        {
            var response = await app.Staff.PostAsync($"/api/events/{eventId}/schedule",
                new StringContent($"{{\"timeLimitSeconds\":{value}}}", Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{value}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(JsonNode.Parse(body)!["errors"]!["timeLimitSeconds"]);
        }
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_authenticator_code_works_only_once_even_within_its_30_seconds(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = await TestAccounts.CreateAsync(app, Roles.Staff, twoFactor: true);
        using var first = new Session(app.BaseAddress);
        using var second = new Session(app.BaseAddress);

        var (toSecondFactor, _) = await first.SignInAsync(email, TestAccounts.Password);
        await second.SignInAsync(email, TestAccounts.Password);
        var code = TestAccounts.CurrentCode();
        var (accepted, _) = await first.PostFormAsync(toSecondFactor.RequestMessage!.RequestUri!.PathAndQuery, new Dictionary<string, string> { ["Code"] = code });
        var (replayed, replayHtml) = await second.PostFormAsync(toSecondFactor.RequestMessage!.RequestUri!.PathAndQuery, new Dictionary<string, string> { ["Code"] = code });

        Assert.Equal("/Account/TwoFactor", toSecondFactor.RequestMessage.RequestUri.AbsolutePath);
        Assert.Equal("/My", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/Account/TwoFactor", replayed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("That code is not valid.", replayHtml);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/Audit")).StatusCode);
        Assert.Equal("/Account/SignIn", (await second.Client.GetAsync("/Audit")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_sign_in_cookie_copied_before_signing_out_no_longer_works_after_it(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = await TestAccounts.CreateAsync(app, Roles.Expert);
        using var session = new Session(app.BaseAddress);
        await session.SignInAsync(email, TestAccounts.Password);
        var copied = session.AuthCookieHeader();
        using var thief = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };

        async Task<HttpResponseMessage> UseCopyAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Tokens");
            request.Headers.Add("Cookie", copied);
            return await thief.SendAsync(request);
        }

        var before = await UseCopyAsync();
        await session.PostFormAsync("/Account/SignOut", new Dictionary<string, string>());
        var after = await UseCopyAsync();

        Assert.NotEmpty(copied);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/SignIn", after.Headers.Location!.IsAbsoluteUri ? after.Headers.Location.PathAndQuery : after.Headers.Location.OriginalString);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_interest_confirmation_does_not_echo_what_the_visitor_typed(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var email = $"{marker}@visitor.example";
        using var session = new Session(app.BaseAddress);

        await session.PostFormAsync("/Interest", new Dictionary<string, string>
        {
            ["Input.FullName"] = $"Visit http://phish.example/{marker} now",
            ["Input.Email"] = email,
            ["Input.OrganizationName"] = "Hue Water",
            ["Input.Kind"] = "City",
            ["Input.Message"] = $"Your account is suspended, log in at http://phish.example/{marker}",
            ["Input.Consent"] = "true",
        });

        await using var db = app.NewDb();
        Assert.True(await db.Interests.AnyAsync(i => i.Email == email));
        var mail = await db.Outbox.SingleAsync(m => m.To == email);
        Assert.DoesNotContain(marker, mail.Subject + mail.Body);
        Assert.DoesNotContain("phish.example", mail.Body);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Anonymous_callers_adding_a_meeting_get_401(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var eventId = await DemoEventIdAsync(app);

        var response = await app.Client.PostAsJsonAsync($"/api/events/{eventId}/meetings", new { firstRegistrationId = 1, secondRegistrationId = 2 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_CSV_import_accepts_only_CSV_files(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var csv = "organization,fullName,email\nGridWise Energy,File Type,filetype@example.com\n";

        using var exe = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "evil.exe" } };
        var asExe = await app.Staff.PostAsync("/api/import/contacts?dryRun=true", exe);
        var asOctets = await app.Staff.PostAsync("/api/import/contacts?dryRun=true", new StringContent(csv, Encoding.UTF8, "application/octet-stream"));
        using var good = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "contacts.csv" } };
        var asCsv = await app.Staff.PostAsync("/api/import/contacts?dryRun=true", good);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asExe.StatusCode);
        Assert.Equal("application/problem+json", asExe.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asOctets.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asCsv.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_CSV_import_rejects_NUL_characters_and_addresses_MailKit_would_not_accept_as_plain(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var csv = "organization,fullName,email\n"
            + "GridWise Energy,Nul\0Name,nul@example.com\n"
            + "GridWise Energy,No Dot,a@b\n"
            + "GridWise Energy,Display Name,\"x <y@z.example>\"\n"
            + "GridWise Energy,Space,x@exa mple.test\n"
            + "GridWise Energy,Fine Person,fine@example.com\n";

        var response = await app.Staff.PostAsync("/api/import/contacts?dryRun=true", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var rejected = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["rejectedRows"]!.AsArray();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([2, 3, 4, 5], rejected.Select(r => r!["line"]!.GetValue<int>()));
        Assert.Contains("NUL", rejected[0]!["reasons"]!.ToJsonString());
        Assert.All(rejected.Skip(1), r => Assert.StartsWith("email:", r!["reasons"]![0]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("name@example.com", true)]
    [InlineData("first.last+tag@mail.example.org", true)]
    [InlineData("a@b", false)]
    [InlineData("x <y@z.example>", false)]
    [InlineData("x <y@z>", false)]
    [InlineData("x@exa mple.test", false)]
    [InlineData("x@example..com", false)]
    [InlineData("x@.example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("x@example.com, y@example.com", false)]
    [InlineData("x@example.com\r\nBcc: y@example.com", false)]
    public void One_rule_decides_what_an_e_mail_address_is(string text, bool valid)
    {
        Assert.Equal(valid, MailAddresses.IsValid(text));
    }
}

/// <summary>An app of its own behind a (pretend) TLS proxy at 127.0.0.1, with a public address.</summary>
public sealed class ProxiedApp : IAsyncLifetime
{
    public const string PublicHost = "citybridge.test";

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(TestDatabase.Sqlite, demoData: false, new Dictionary<string, string?>
    {
        ["CityBridge:PublicUrl"] = $"https://{PublicHost}",
        ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        ["Matching:Enabled"] = "false",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ProxiedAppSecurityTests(ProxiedApp fixture) : IClassFixture<ProxiedApp>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Requests_for_another_host_than_the_public_address_are_refused()
    {
        using var evil = new Session(App.BaseAddress, host: "evil.example");
        using var good = new Session(App.BaseAddress, host: ProxiedApp.PublicHost);

        var refused = await evil.Client.GetAsync("/Account/ForgotPassword");
        var served = await good.Client.GetAsync("/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Behind_a_known_proxy_HTTPS_requests_get_HSTS_and_secure_cookies()
    {
        using var viaProxy = new Session(App.BaseAddress, forwardedFor: "203.0.113.5", host: ProxiedApp.PublicHost);
        viaProxy.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var plain = new Session(App.BaseAddress, host: ProxiedApp.PublicHost);

        var secure = await viaProxy.Client.GetAsync("/Account/SignIn");
        var insecure = await plain.Client.GetAsync("/Account/SignIn");

        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.All(secure.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(insecure.Headers.Contains("Strict-Transport-Security"));
        Assert.All(insecure.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Failed_sign_ins_elsewhere_neither_lock_out_a_known_user_nor_reveal_that_the_account_exists()
    {
        var known = await TestAccounts.CreateAsync(App, Roles.Expert);
        var unknown = $"{Guid.NewGuid():N}@nobody.example";
        using var attacker = new Session(App.BaseAddress, forwardedFor: "203.0.113.66", host: ProxiedApp.PublicHost);
        using var owner = new Session(App.BaseAddress, forwardedFor: "198.51.100.20", host: ProxiedApp.PublicHost);
        var knownMessages = new List<string?>();
        var unknownMessages = new List<string?>();

        for (var i = 0; i < SignInThrottle.FreeAttempts + 2; i++)
        {
            knownMessages.Add(Session.FormMessage((await attacker.SignInAsync(known, "wrong-password-123")).Html));
            unknownMessages.Add(Session.FormMessage((await attacker.SignInAsync(unknown, "wrong-password-123")).Html));
        }

        var attackerWithRightPassword = await attacker.SignInAsync(known, TestAccounts.Password);
        var (ownerSignIn, _) = await owner.SignInAsync(known, TestAccounts.Password);

        Assert.Equal(unknownMessages, knownMessages);
        Assert.Contains("wrong", knownMessages[0]);
        Assert.Contains("Too many failed attempts", knownMessages[^1]);
        Assert.Equal("/Account/SignIn", attackerWithRightPassword.Response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/My", ownerSignIn.RequestMessage!.RequestUri!.AbsolutePath);
    }
}

public sealed class PublicAddressStartupTests
{
    [Fact]
    public async Task Production_refuses_to_start_without_a_public_address()
    {
        var app = CityBridgeApp.Build(["--environment=Production", "--CityBridge:DemoData=false", $"--ConnectionStrings:CityBridge=Data Source={Path.GetTempFileName()}"]);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => app.PrepareDatabaseAsync());

        Assert.Contains("CityBridge:PublicUrl", refusal.Message);
        await app.DisposeAsync();
    }
}
