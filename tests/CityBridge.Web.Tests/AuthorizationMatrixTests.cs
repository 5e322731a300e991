using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

/// <summary>
/// Every endpoint and page the app serves, from its own endpoint data source, against who may use it. A new endpoint
/// without a row here fails <see cref="Every_endpoint_has_a_rule"/>; each row is checked by a real request per role.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixApp fixture) : IClassFixture<MatrixApp>
{
    private const string Anonymous = "anonymous";
    private const string Staff = Roles.Staff;
    private const string Official = Roles.CityOfficial;
    private const string Provider = Roles.Provider;
    private const string Expert = Roles.Expert;

    private static readonly string[] Everyone = [Anonymous, Staff, Official, Provider, Expert];
    private static readonly string[] SignedIn = [Staff, Official, Provider, Expert];
    private static readonly string[] StaffOnly = [Staff];

    /// <summary>Who may use each endpoint, for the demo records the test targets (Makassar's project, AquaSense's records).</summary>
    private static readonly Dictionary<string, string[]> Rules = new()
    {
        ["ANY /health"] = Everyone,
        ["ANY /health/ready"] = Everyone,
        ["GET /{**path:file}"] = Everyone,
        ["HEAD /{**path:file}"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /api/reference/{documentName?}"] = Everyone,
        ["GET /api/reference/favicon.svg"] = Everyone,
        ["GET /api/reference/scalar.aspnetcore.js"] = Everyone,
        ["GET /api/reference/scalar.js"] = Everyone,
        ["GET /api/countries/"] = Everyone,
        ["GET /api/countries/{code}"] = Everyone,
        ["GET /api/sectors"] = Everyone,
        ["GET /api/export/{kind}"] = StaffOnly,
        ["POST /api/import/{kind}"] = StaffOnly,

        ["GET /api/cities/"] = Everyone,
        ["GET /api/cities/{id:int}"] = Everyone,
        ["POST /api/cities/"] = StaffOnly,
        ["PUT /api/cities/{id:int}"] = StaffOnly,
        ["DELETE /api/cities/{id:int}"] = StaffOnly,
        ["GET /api/organizations/"] = Everyone,
        ["GET /api/organizations/{id:int}"] = Everyone,
        ["POST /api/organizations/"] = StaffOnly,
        ["PUT /api/organizations/{id:int}"] = [Staff, Provider],
        ["DELETE /api/organizations/{id:int}"] = StaffOnly,
        // Contacts are personal data: the list answers everyone but holds only what each may see.
        ["GET /api/contacts/"] = Everyone,
        ["GET /api/contacts/{id:int}"] = [Staff, Provider],
        ["POST /api/contacts/"] = [Staff, Provider],
        ["PUT /api/contacts/{id:int}"] = [Staff, Provider],
        ["DELETE /api/contacts/{id:int}"] = [Staff, Provider],
        ["GET /api/solutions/"] = Everyone,
        ["GET /api/solutions/{id:int}"] = Everyone,
        ["POST /api/solutions/"] = [Staff, Provider],
        ["PUT /api/solutions/{id:int}"] = [Staff, Provider],
        ["DELETE /api/solutions/{id:int}"] = [Staff, Provider],
        ["GET /api/projects/"] = Everyone,
        ["GET /api/projects/{id:int}"] = Everyone,
        ["POST /api/projects/"] = [Staff, Official],
        ["PUT /api/projects/{id:int}"] = [Staff, Official],
        ["DELETE /api/projects/{id:int}"] = [Staff, Official],

        ["PAGE /"] = Everyone,
        ["PAGE /Index"] = Everyone,
        ["PAGE /Error"] = Everyone,
        ["PAGE /Status/{code:int}"] = Everyone,
        ["PAGE /Countries"] = Everyone,
        ["PAGE /Countries/Index"] = Everyone,
        ["PAGE /Sectors"] = Everyone,
        ["PAGE /Sectors/Index"] = Everyone,
        ["PAGE /Account/SignIn"] = Everyone,
        ["PAGE /Account/SignOut"] = Everyone,
        ["PAGE /Account/ForgotPassword"] = Everyone,
        ["PAGE /Account/ResetPassword"] = Everyone,
        // Answers 403 by design; and the second-factor page sends anyone without a pending sign-in back to the sign-in page.
        ["PAGE /Account/AccessDenied"] = [],
        ["PAGE /Account/TwoFactor"] = [],
        ["PAGE /Account/SetUpTwoFactor"] = SignedIn,
        ["PAGE /Account/Tokens"] = SignedIn,
        ["PAGE /Account/Invite"] = StaffOnly,
        ["PAGE /Audit"] = StaffOnly,
        ["PAGE /Audit/Index"] = StaffOnly,
        ["PAGE /Outbox"] = StaffOnly,
        ["PAGE /Outbox/Index"] = StaffOnly,
        ["PAGE /DataExchange"] = StaffOnly,
        ["PAGE /DataExchange/Index"] = StaffOnly,
        ["PAGE /Cities"] = Everyone,
        ["PAGE /Cities/Index"] = Everyone,
        ["PAGE /Cities/Details/{id:int}"] = Everyone,
        ["PAGE /Cities/Edit/{id:int?}"] = StaffOnly,
        ["PAGE /Cities/Delete/{id:int}"] = StaffOnly,
        ["PAGE /Organizations"] = Everyone,
        ["PAGE /Organizations/Index"] = Everyone,
        ["PAGE /Organizations/Details/{id:int}"] = Everyone,
        ["PAGE /Organizations/Edit/{id:int?}"] = [Staff, Provider],
        ["PAGE /Organizations/Delete/{id:int}"] = StaffOnly,
        ["PAGE /Contacts"] = Everyone,
        ["PAGE /Contacts/Index"] = Everyone,
        ["PAGE /Contacts/Edit/{id:int?}"] = [Staff, Provider],
        ["PAGE /Contacts/Delete/{id:int}"] = [Staff, Provider],
        ["PAGE /Solutions"] = Everyone,
        ["PAGE /Solutions/Index"] = Everyone,
        ["PAGE /Solutions/Details/{id:int}"] = Everyone,
        ["PAGE /Solutions/Edit/{id:int?}"] = [Staff, Provider],
        ["PAGE /Solutions/Delete/{id:int}"] = [Staff, Provider],
        ["PAGE /Projects"] = Everyone,
        ["PAGE /Projects/Index"] = Everyone,
        ["PAGE /Projects/Details/{id:int}"] = Everyone,
        ["PAGE /Projects/Edit/{id:int?}"] = [Staff, Official],
        ["PAGE /Projects/Delete/{id:int}"] = [Staff, Official],
        ["GET /api/opportunities/"] = Everyone,
        ["GET /api/opportunities/{id:int}"] = [Staff, Provider, Official],
        ["POST /api/opportunities/"] = [Staff, Provider],
        ["PUT /api/opportunities/{id:int}"] = [Staff, Provider],
        ["DELETE /api/opportunities/{id:int}"] = [Staff, Provider],
        ["PAGE /Pipeline"] = SignedIn,
        ["PAGE /Pipeline/Index"] = SignedIn,
        ["PAGE /Pipeline/Board"] = SignedIn,
        ["PAGE /Pipeline/Edit/{id:int?}"] = [Staff, Provider],
        ["PAGE /Pipeline/Delete/{id:int}"] = [Staff, Provider],
        ["PAGE /Dashboard"] = StaffOnly,
        ["PAGE /Dashboard/Index"] = StaffOnly,
        ["PAGE /Dashboard/ProgramResults"] = StaffOnly,
        ["PAGE /Contacts/Privacy/{id:int}"] = StaffOnly,
        ["PAGE /Interest"] = Everyone,
        ["PAGE /Interest/Index"] = Everyone,
        ["PAGE /Interests"] = StaffOnly,
        ["PAGE /Interests/Index"] = StaffOnly,
        ["PAGE /Interests/Details/{id:int}"] = StaffOnly,

        // Readiness: whoever sees the project reads it; its city and staff change it.
        ["GET /api/projects/{projectId:int}/readiness"] = Everyone,
        ["GET /api/projects/{projectId:int}/readiness/{part}"] = Everyone,
        ["GET /api/projects/{projectId:int}/readiness/{part}/versions"] = Everyone,
        ["GET /api/projects/{projectId:int}/readiness/{part}/versions/{number:int}"] = Everyone,
        ["POST /api/projects/{projectId:int}/readiness/plan"] = [Staff, Official],
        ["POST /api/projects/{projectId:int}/readiness/finance"] = [Staff, Official],
        ["POST /api/projects/{projectId:int}/readiness/procurement"] = [Staff, Official],
        ["POST /api/projects/{projectId:int}/readiness/cyber"] = [Staff, Official],
        ["POST /api/projects/{projectId:int}/tender/publish"] = [Staff, Official],
        ["GET /api/projects/{projectId:int}/tender/release-package.json"] = Everyone,
        ["GET /api/projects/{projectId:int}/tender/releases/{releaseId}.json"] = Everyone,
        ["GET /api/projects/{projectId:int}/tender/record-package.json"] = Everyone,
        ["PAGE /Projects/{projectId:int}/Readiness"] = Everyone,
        ["PAGE /Projects/{projectId:int}/Readiness/Plan"] = Everyone,
        ["PAGE /Projects/{projectId:int}/Readiness/Finance"] = Everyone,
        ["PAGE /Projects/{projectId:int}/Readiness/Procurement"] = Everyone,
        ["PAGE /Projects/{projectId:int}/Readiness/Cyber"] = Everyone,
        ["PAGE /Projects/{projectId:int}/Readiness/Brief"] = Everyone,

        // Matching: a project's suggestions are for its city and staff; a provider's leads for the provider; tuning for staff.
        ["GET /api/projects/{projectId:int}/matches/"] = [Staff, Official],
        ["PUT /api/projects/{projectId:int}/matches/{organizationId:int}/curation"] = StaffOnly,
        ["PUT /api/projects/{projectId:int}/matches/{organizationId:int}/mark"] = [Staff, Official, Provider],
        ["GET /api/organizations/{organizationId:int}/matches"] = [Staff, Provider],
        ["GET /api/matching/weights"] = StaffOnly,
        ["PUT /api/matching/weights"] = StaffOnly,
        ["GET /api/matching/evaluation"] = StaffOnly,
        ["POST /api/matching/rematch"] = StaffOnly,
        ["GET /api/matching/status"] = StaffOnly,
        ["PAGE /Matching"] = StaffOnly,
        ["PAGE /Matching/Index"] = StaffOnly,

        // Events: the demo event has Makassar's official and AquaSense registered, an open request from AquaSense to
        // Makassar and one meeting; its schedule is not published, so nobody but staff sees meetings yet.
        ["GET /api/events/"] = Everyone,
        ["GET /api/events/{id:int}"] = Everyone,
        ["POST /api/events/"] = StaffOnly,
        ["PUT /api/events/{id:int}"] = StaffOnly,
        ["GET /api/events/{id:int}/registrants"] = [Staff, Official, Provider],
        ["POST /api/events/{id:int}/registrations"] = [Official, Provider],
        ["PUT /api/events/{id:int}/registrations/me"] = [Official, Provider],
        ["POST /api/events/{id:int}/requests"] = [Official, Provider],
        ["GET /api/events/{id:int}/requests"] = [Official, Provider],
        ["POST /api/events/{id:int}/requests/{requestId:int}/accept"] = [Official],
        ["POST /api/events/{id:int}/requests/{requestId:int}/decline"] = [Official],
        ["GET /api/events/{id:int}/meetings"] = StaffOnly,
        ["POST /api/events/{id:int}/meetings"] = StaffOnly,
        ["POST /api/events/{id:int}/meetings/{meetingId:int}/{change}"] = StaffOnly,
        ["POST /api/events/{id:int}/schedule"] = StaffOnly,
        ["GET /api/events/{id:int}/schedule"] = StaffOnly,
        ["POST /api/events/{id:int}/schedule/stop"] = StaffOnly,
        ["POST /api/events/{id:int}/schedule/publish"] = StaffOnly,
        // Registered participants get the event's sessions before the schedule is published, their meetings after.
        ["GET /api/events/{id:int}/agenda.ics"] = [Official, Provider],
        ["POST /api/events/{id:int}/checkin"] = StaffOnly,
        ["POST /api/events/{id:int}/meetings/{meetingId:int}/attendance"] = [Staff, Official, Provider],
        ["POST /api/events/{id:int}/meetings/{meetingId:int}/feedback"] = [Official, Provider],
        ["GET /api/events/{id:int}/freed"] = StaffOnly,
        ["POST /api/events/{id:int}/freed"] = StaffOnly,
        ["POST /api/events/{id:int}/freed/fill"] = StaffOnly,
        ["GET /api/events/{id:int}/funnel"] = StaffOnly,
        ["GET /api/events/{id:int}/funnel.csv"] = StaffOnly,
        ["GET /api/calendar-feed/"] = SignedIn,
        ["POST /api/calendar-feed/"] = SignedIn,
        ["POST /api/calendar-feed/revoke"] = SignedIn,
        ["GET /api/programs/{id:int}/agenda.ics"] = Everyone,
        ["PAGE /Events/CheckIn/{id:int}"] = StaffOnly,
        ["PAGE /Events/Funnel/{id:int}"] = StaffOnly,
        ["PAGE /Events/Calendar"] = SignedIn,
        ["PAGE /Events"] = Everyone,
        ["PAGE /Events/Index"] = Everyone,
        ["PAGE /Events/Details/{id:int}"] = Everyone,
        ["PAGE /Events/Edit/{id:int?}"] = StaffOnly,
        ["PAGE /Events/Schedule/{id:int}"] = StaffOnly,
        ["PAGE /Events/Tables/{id:int}"] = StaffOnly,
        ["PAGE /Events/Agenda/{id:int}"] = SignedIn,

        // Library and search: published documents and search are public (results filtered per viewer); staff write.
        ["GET /api/library/"] = Everyone,
        ["GET /api/library/{id:int}"] = Everyone,
        ["POST /api/library/"] = StaffOnly,
        ["PUT /api/library/{id:int}"] = StaffOnly,
        ["DELETE /api/library/{id:int}"] = StaffOnly,
        ["GET /api/search/"] = Everyone,
        ["PAGE /Library"] = Everyone,
        ["PAGE /Library/Index"] = Everyone,
        ["PAGE /Library/{slug}"] = Everyone,
        ["PAGE /Library/Edit/{id:int?}"] = StaffOnly,
        ["PAGE /Library/Delete/{id:int}"] = StaffOnly,
        ["PAGE /Library/Links"] = StaffOnly,
        ["PAGE /Search"] = Everyone,
        ["PAGE /Search/Index"] = Everyone,

        // Programs: the demo workshop (published, upcoming) has Makassar's official approved and Da Nang's applied; the demo
        // expert delegation (target of the itinerary rows) has the expert approved.
        ["GET /api/programs/"] = Everyone,
        ["GET /api/programs/{id:int}"] = Everyone,
        ["POST /api/programs/"] = StaffOnly,
        ["PUT /api/programs/{id:int}"] = StaffOnly,
        ["DELETE /api/programs/{id:int}"] = StaffOnly,
        ["GET /api/programs/{id:int}/registrations"] = SignedIn,
        ["POST /api/programs/{id:int}/registrations"] = [Official],
        ["POST /api/programs/{id:int}/registrations/{registrationId:int}/{action}"] = StaffOnly,
        ["POST /api/programs/{id:int}/invitations"] = StaffOnly,
        ["POST /api/programs/{id:int}/feedback"] = [Official],
        ["GET /api/programs/{id:int}/itinerary"] = Everyone,
        ["PUT /api/programs/{id:int}/itinerary"] = StaffOnly,
        ["GET /api/programs/{id:int}/report"] = StaffOnly,
        ["GET /api/programs/{id:int}/report.csv"] = StaffOnly,
        ["PAGE /Programs"] = Everyone,
        ["PAGE /Programs/Index"] = Everyone,
        ["PAGE /Programs/Details/{id:int}"] = Everyone,
        ["PAGE /Programs/Edit/{id:int?}"] = StaffOnly,
        ["PAGE /Programs/Registrations/{id:int}"] = StaffOnly,
        ["PAGE /Programs/Report/{id:int}"] = StaffOnly,
        ["PAGE /Programs/Itinerary/{id:int}"] = Everyone,
        ["PAGE /Programs/Mine"] = SignedIn,

        // My CityBridge: everyone signed in has a start page of their own. Acting on a match is for its two sides (the
        // official may request a meeting, the provider both); an opportunity for the provider and staff. The thread
        // rows name no thread the test owns (id 0, an empty body), so all are refused; MyCityBridgeTests cover them.
        ["GET /api/my/"] = SignedIn,
        ["GET /api/my/conversations"] = SignedIn,
        ["POST /api/my/conversations"] = [],
        ["GET /api/my/conversations/{id:int}"] = [],
        ["POST /api/my/conversations/{id:int}/messages"] = [],
        ["PUT /api/my/opportunities/{id:int}"] = [Staff, Provider],
        ["GET /api/my/notices"] = SignedIn,
        ["PUT /api/my/notices"] = SignedIn,
        ["POST /api/projects/{projectId:int}/matches/{organizationId:int}/meeting-request"] = [Official, Provider],
        ["POST /api/projects/{projectId:int}/matches/{organizationId:int}/opportunity"] = [Staff, Provider],
        ["PAGE /My"] = SignedIn,
        ["PAGE /My/Index"] = SignedIn,
        ["PAGE /My/Notices"] = SignedIn,
        ["PAGE /My/Conversation/{id:int}"] = [],
    };

    private TestApp App => fixture.App;

    private Dictionary<string, HttpClient> Clients => fixture.Clients;

    private IEnumerable<string> EndpointKeys()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (Path.HasExtension(pattern) && !pattern.StartsWith("/openapi", StringComparison.Ordinal) && !pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                continue; // static files (stylesheets and their compressed copies)
            }

            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = isPage ? ["PAGE"] : endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                yield return $"{method} {pattern}";
            }
        }
    }

    public static IEnumerable<object[]> RuleKeys => Rules.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(RuleKeys))]
    public async Task Each_role_gets_the_expected_outcome(string key)
    {
        var targets = await TargetsAsync();
        var failures = new List<string>();
        foreach (var role in Everyone)
        {
            var (status, landedOn) = await SendAsync(key, role, targets);
            var denied = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (landedOn != RequestedPath(key) && landedOn is "/Account/SignIn" or "/Account/AccessDenied");
            var expectedAllowed = Rules[key].Contains(role);
            if (denied == expectedAllowed || status == HttpStatusCode.InternalServerError)
            {
                failures.Add($"{role}: {(int)status} at {landedOn}, expected {(expectedAllowed ? "allowed" : "denied")}");
            }
            else if (role == Anonymous && denied && IsApi(key) && status != HttpStatusCode.Unauthorized)
            {
                // The API never answers 403 or 404 to an anonymous caller it refuses: they are asked to sign in.
                failures.Add($"{role}: {(int)status} at {landedOn}, expected 401 (sign-in required)");
            }
        }

        Assert.True(failures.Count == 0, $"{key}\n" + string.Join("\n", failures));
    }

    private static bool IsApi(string key) => !key.StartsWith("PAGE ", StringComparison.Ordinal) && RequestedPath(key).StartsWith("/api/", StringComparison.Ordinal);

    private static string RequestedPath(string key) => key[(key.IndexOf(' ') + 1)..];

    public static IEnumerable<object[]> ApiRuleKeys => Rules.Keys
        .Where(k => !k.StartsWith("PAGE ", StringComparison.Ordinal) && k.Contains(" /api/", StringComparison.Ordinal) && !k.Contains(" /api/reference", StringComparison.Ordinal))
        .Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ApiRuleKeys))]
    public async Task Every_status_an_operation_answers_a_role_with_is_documented_in_the_OpenAPI_document(string key)
    {
        var targets = await TargetsAsync();
        using var document = System.Text.Json.JsonDocument.Parse(await App.Client.GetStringAsync("/openapi/v1.json"));
        var method = key[..key.IndexOf(' ')].ToLowerInvariant();
        var path = OpenApiPath(RequestedPath(key));
        var operation = document.RootElement.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out var found)
            ? found
            : throw new Xunit.Sdk.XunitException($"{key} is not in /openapi/v1.json as {method} {path}");
        var responses = operation.GetProperty("responses");
        var documentedSuccess = responses.EnumerateObject().Select(r => r.Name).Where(IsSuccess).ToHashSet();
        var undocumented = new List<string>();
        var answersOk = OperationsAnsweringOkAndMore.Contains(key);
        foreach (var role in Everyone)
        {
            var (status, _) = await SendAsync(key, role, targets);
            var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetProperty(code, out _) && !responses.TryGetProperty("default", out _))
            {
                undocumented.Add($"{role}: {code}");
            }
            else if (IsSuccess(code) && code != "200" && documentedSuccess.Contains("200") && !answersOk)
            {
                // A bare 200 beside the real 201/202/204 is what an untyped handler documents by default: clients would expect a body that never comes.
                undocumented.Add($"{role}: {code}, but the operation also documents 200, which it does not answer here");
            }
        }

        Assert.True(undocumented.Count == 0, $"{key} answers statuses its OpenAPI operation does not list:\n" + string.Join("\n", undocumented));
    }

    /// <summary>Operations with two successes by design: 200 for an existing thing, 201 for a new one.</summary>
    private static readonly HashSet<string> OperationsAnsweringOkAndMore =
    [
        "POST /api/projects/{projectId:int}/matches/{organizationId:int}/meeting-request",
    ];

    private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

    /// <summary>A route pattern as the OpenAPI document writes it: no constraints or optional marks, no trailing slash.</summary>
    private static string OpenApiPath(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}?]*)?\??\}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>The demo records every role is tried against: Makassar's city and project, AquaSense's organization, solution and contact.</summary>
    private async Task<Dictionary<string, int>> TargetsAsync()
    {
        await using var db = App.NewDb();
        var aquaSense = await db.Organizations.Where(o => o.Name == "AquaSense Analytics").Select(o => o.Id).SingleAsync();
        return new()
        {
            ["cities"] = await db.Cities.Where(c => c.Name == "Makassar").Select(c => c.Id).SingleAsync(),
            ["projects"] = await db.Projects.Where(p => p.City!.Name == "Makassar" && p.IsPublished).Select(p => p.Id).FirstAsync(),
            ["organizations"] = aquaSense,
            ["solutions"] = await db.Solutions.Where(s => s.OrganizationId == aquaSense).Select(s => s.Id).FirstAsync(),
            ["contacts"] = await db.Contacts.Where(c => c.OrganizationId == aquaSense).Select(c => c.Id).FirstAsync(),
            ["interests"] = await InterestIdAsync(db),
            ["opportunities"] = await OpportunityIdAsync(db, aquaSense, spare: false),
            ["pipeline"] = await OpportunityIdAsync(db, aquaSense, spare: false),
            ["events"] = await db.Events.Where(e => e.Name == Features.Events.DemoEvent.Name).Select(e => e.Id).SingleAsync(),
            ["library"] = await db.LibraryDocuments.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            ["programs"] = await db.Programs.Where(p => p.Name == Features.Programs.DemoPrograms.WorkshopName).Select(p => p.Id).SingleAsync(),
        };
    }

    /// <summary>AquaSense's opportunity on a Makassar project; the spare one sits on another Makassar project, for delete attempts.</summary>
    private static async Task<int> OpportunityIdAsync(Data.CityBridgeDb db, int aquaSense, bool spare)
    {
        var projects = await db.Projects.Where(p => p.City!.Name == "Makassar").OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var projectId = spare ? projects[1] : projects[0];
        var existing = await db.Opportunities.FirstOrDefaultAsync(o => o.ProviderId == aquaSense && o.ProjectId == projectId);
        if (existing is not null && !spare)
        {
            return existing.Id;
        }

        if (existing is not null)
        {
            db.Opportunities.Remove(existing);
        }

        var opportunity = new CityBridge.Web.Features.Pipeline.Opportunity { ProviderId = aquaSense, ProjectId = projectId, Stage = Core.Domain.OpportunityStage.Met, ValueUsd = 250_000m };
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync();
        return opportunity.Id;
    }

    private static async Task<int> InterestIdAsync(Data.CityBridgeDb db)
    {
        if (!await db.Interests.AnyAsync())
        {
            db.Interests.Add(new Features.Interests.Interest
            {
                FullName = "Matrix Visitor",
                Email = "visitor@matrix.example",
                OrganizationName = "Matrix Co",
                Message = "Hello there",
                ConsentText = Features.Interests.InterestInput.PrivacyText,
                ConsentedAt = DateTimeOffset.UtcNow,
                ReceivedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        return await db.Interests.Select(i => i.Id).FirstAsync();
    }

    private async Task<(HttpStatusCode Status, string LandedOn)> SendAsync(string key, string role, Dictionary<string, int> targets)
    {
        var method = key[..key.IndexOf(' ')];
        var pattern = key[(key.IndexOf(' ') + 1)..];
        var collection = targets.Keys.FirstOrDefault(c => pattern.Contains($"/{c}/", StringComparison.OrdinalIgnoreCase) || pattern.EndsWith($"/{c}", StringComparison.OrdinalIgnoreCase));
        var id = collection is null ? 0 : targets[collection];
        if (collection == "programs" && pattern.Contains("itinerary", StringComparison.OrdinalIgnoreCase))
        {
            await using var db = App.NewDb();
            id = await db.Programs.Where(p => p.Name == Features.Programs.DemoPrograms.DelegationName).Select(p => p.Id).SingleAsync();
        }

        if (pattern.Contains("{registrationId:int}", StringComparison.Ordinal))
        {
            // The official's approved registration: staff check it in (and meet a conflict on a repeat); nobody else may.
            await using var db = App.NewDb();
            var registrationId = await db.ProgramRegistrations.Where(r => r.ProgramId == id && r.Email == AccountSeeder.DemoMakassarOfficialEmail).Select(r => r.Id).SingleAsync();
            pattern = pattern.Replace("{registrationId:int}", registrationId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{action}", "checkin", StringComparison.Ordinal);
        }

        if (method == "DELETE")
        {
            id = await FreshCopyAsync(collection!, id);
        }

        if (pattern.Contains("{projectId:int}", StringComparison.Ordinal))
        {
            await EnsureReadinessAsync(id);
            await EnsureMatchAsync(id, targets["organizations"]);
        }

        if (pattern.Contains("{releaseId}", StringComparison.Ordinal))
        {
            await using var db = App.NewDb();
            var releaseId = await db.PublishedTenders.Where(t => t.ProjectId == id).OrderBy(t => t.Id).Select(t => t.ReleaseId).FirstAsync();
            pattern = pattern.Replace("{releaseId}", releaseId, StringComparison.Ordinal);
        }

        if (pattern.Contains("{requestId:int}", StringComparison.Ordinal) || pattern.Contains("{meetingId:int}", StringComparison.Ordinal))
        {
            var (requestId, meetingId) = await EventTargetsAsync(id);
            pattern = pattern.Replace("{requestId:int}", requestId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{meetingId:int}", meetingId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{change}", "unpin", StringComparison.Ordinal);
        }

        if (pattern.Contains("{slug}", StringComparison.Ordinal))
        {
            await using var db = App.NewDb();
            pattern = pattern.Replace("{slug}", await db.LibraryDocuments.Where(d => d.Id == id).Select(d => d.Slug).SingleAsync(), StringComparison.Ordinal);
        }

        var path = pattern
            .Replace("{projectId:int}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{organizationId:int}", targets["organizations"].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{part}", "plan", StringComparison.Ordinal).Replace("{number:int}", "1", StringComparison.Ordinal)
            .Replace("{id:int?}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{id:int}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{code:int}", "500", StringComparison.Ordinal).Replace("{code}", "VN", StringComparison.Ordinal)
            .Replace("{kind}", "providers", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", string.Empty, StringComparison.Ordinal).Replace("{**path:file}", "css/site.css", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method is "PAGE" or "ANY" ? HttpMethod.Get : new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = pattern.StartsWith("/api/import", StringComparison.Ordinal)
                ? new StringContent($"name\nMatrix Co {Guid.NewGuid():N}\n", Encoding.UTF8, "text/csv")
                : new StringContent(collection is null ? "{}" : (await TemplateAsync(collection, id, unique: method == "POST")).ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Clients[role].SendAsync(request);
        return (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    /// <summary>An open request from AquaSense to Makassar's official in the demo event, and a meeting between them.</summary>
    private async Task<(int RequestId, int MeetingId)> EventTargetsAsync(int eventId)
    {
        await using var db = App.NewDb();
        var registrations = await db.EventRegistrations.Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync();
        var official = registrations.Single(r => r.DisplayName.Contains("Makassar", StringComparison.Ordinal));
        var provider = registrations.Single(r => r.DisplayName.Contains("AquaSense", StringComparison.Ordinal));
        var request = await db.MeetingRequests.FirstOrDefaultAsync(r => r.EventId == eventId && r.FromRegistrationId == provider.Id && r.ToRegistrationId == official.Id);
        if (request is null)
        {
            request = new Features.Events.MeetingRequest { EventId = eventId, FromRegistrationId = provider.Id, ToRegistrationId = official.Id, Priority = 2, CreatedAt = DateTimeOffset.UtcNow };
            db.MeetingRequests.Add(request);
            await db.SaveChangesAsync();
        }

        var meeting = await db.EventMeetings.FirstOrDefaultAsync(m => m.EventId == eventId && m.RequestId == null);
        if (meeting is null)
        {
            meeting = new Features.Events.EventMeeting { EventId = eventId, FirstRegistrationId = provider.Id, SecondRegistrationId = official.Id, CreatedAt = DateTimeOffset.UtcNow };
            db.EventMeetings.Add(meeting);
            await db.SaveChangesAsync();
        }

        return (request.Id, meeting.Id);
    }

    /// <summary>The target project and provider are a stored match, whether or not the engine has ranked them yet.</summary>
    private async Task EnsureMatchAsync(int projectId, int organizationId)
    {
        await using var db = App.NewDb();
        if (!await db.Matches.AnyAsync(m => m.ProjectId == projectId && m.OrganizationId == organizationId))
        {
            db.Matches.Add(new Features.Matching.StoredMatch { ProjectId = projectId, OrganizationId = organizationId, Rank = 1, Score = 0.8, SignalsJson = "[]", ComputedAt = DateTimeOffset.UtcNow });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // The engine stored it at the same moment.
            }
        }
    }

    /// <summary>Gives the target project a plan version 1, a saved tender and a published one, so readiness reads find something.</summary>
    private async Task EnsureReadinessAsync(int projectId)
    {
        await using var db = App.NewDb();
        if (await db.PublishedTenders.AnyAsync(t => t.ProjectId == projectId))
        {
            return;
        }

        foreach (var (part, body) in new[] { ("plan", "{\"objectives\":[\"Matrix objective\"]}"), ("procurement", "{\"tender\":{\"title\":\"Matrix tender\",\"procurementMethod\":\"open\",\"mainProcurementCategory\":\"services\"}}") })
        {
            (await App.Staff.PostAsync($"/api/projects/{projectId}/readiness/{part}", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        (await App.Staff.PostAsync($"/api/projects/{projectId}/tender/publish", null)).EnsureSuccessStatusCode();
    }

    /// <summary>A record as staff read it, to send back (update) or copy (create); copies get a unique name.</summary>
    private async Task<JsonObject> TemplateAsync(string collection, int id, bool unique)
    {
        var json = JsonNode.Parse(await App.Staff.GetStringAsync($"/api/{collection}/{id}"))!.AsObject();
        if (unique)
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            foreach (var field in new[] { "name", "title", "fullName" })
            {
                if (json[field] is JsonNode value)
                {
                    json[field] = $"{value.GetValue<string>()} {suffix}";
                }
            }

            if (json["slug"] is JsonNode slug)
            {
                json["slug"] = $"{slug.GetValue<string>()}-{suffix}";
            }

            if (json["email"] is not null)
            {
                json["email"] = $"copy-{suffix}@example.com";
            }
        }

        return json;
    }

    /// <summary>Deletes are tried on a new copy of the target, so every role meets a record that exists.</summary>
    private async Task<int> FreshCopyAsync(string collection, int id)
    {
        if (collection == "opportunities")
        {
            // A provider has one opportunity per project: renew the spare one instead of copying.
            await using var db = App.NewDb();
            var aquaSense = await db.Opportunities.Where(o => o.Id == id).Select(o => o.ProviderId).SingleAsync();
            return await OpportunityIdAsync(db, aquaSense, spare: true);
        }

        var response = await App.Staff.PostAsync($"/api/{collection}", new StringContent((await TemplateAsync(collection, id, unique: true)).ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }

    [Fact]
    public void Every_endpoint_has_a_rule()
    {
        var missing = EndpointKeys().Distinct().Where(k => !Rules.ContainsKey(k)).Order().ToList();

        Assert.True(missing.Count == 0, "Endpoints without an authorization rule:\n" + string.Join("\n", missing));
    }
}

/// <summary>An app of its own for the matrix, whose deletes and copies must not disturb other suites.</summary>
public sealed class MatrixApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(TestDatabase.Sqlite);
        Clients["anonymous"] = App.Client;
        Clients[Roles.Staff] = App.Staff;
        Clients[Roles.CityOfficial] = await App.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);
        Clients[Roles.Provider] = await App.ClientForAsync(AccountSeeder.DemoProviderEmail);
        Clients[Roles.Expert] = await App.ClientForAsync(AccountSeeder.DemoExpertEmail);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
