using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Readiness;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CityBridge.Web.Tests.Readiness;

[Collection(AppCollection.Name)]
public sealed class ReadinessApiTests(AppFixture apps)
{
    private static readonly JsonSerializerOptions Json = ReadinessJson.Options;

    private static Task<int> NewProjectAsync(TestApp app) => ReadinessApiTestsData.NewProjectAsync(app);

    private static ProjectPlan PlanWithObjective(string objective) => ReadinessApiTestsData.Plan(objective);

    private static ProcurementAssessment Tender(string currency) => ReadinessApiTestsData.Tender(currency);

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Every_save_adds_a_version_the_latest_is_current_and_older_ones_stay_readable(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var projectId = await NewProjectAsync(app);

        var first = await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/plan", PlanWithObjective("Cut water loss to 30%"), Json);
        var second = await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/plan", PlanWithObjective("Cut water loss to 20%"), Json);
        var versions = await app.Client.GetFromJsonAsync<List<VersionListItem>>($"/api/projects/{projectId}/readiness/plan/versions", Json);
        var current = await app.Client.GetFromJsonAsync<AssessmentVersion>($"/api/projects/{projectId}/readiness/plan", Json);
        var older = await app.Client.GetFromJsonAsync<AssessmentVersion>($"/api/projects/{projectId}/readiness/plan/versions/1", Json);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/projects/{projectId}/readiness/plan/versions/2", second.Headers.Location!.OriginalString);
        Assert.Equal([2, 1], versions!.Select(v => v.Number));
        Assert.Equal(2, current!.Number);
        Assert.Equal("Cut water loss to 20%", current.Payload.Deserialize<ProjectPlan>(Json)!.Objectives[0]);
        Assert.Equal("Cut water loss to 30%", older!.Payload.Deserialize<ProjectPlan>(Json)!.Objectives[0]);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_published_tender_is_served_at_its_stable_url_and_meets_the_official_OCDS_schema(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var projectId = await NewProjectAsync(app);
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/procurement", Tender("USD"), Json)).EnsureSuccessStatusCode();

        var published = await app.Staff.PostAsync($"/api/projects/{projectId}/tender/publish", null);
        var dto = await published.Content.ReadFromJsonAsync<PublishedTenderDto>(Json);
        var download = await app.Client.GetAsync($"/api/projects/{projectId}/tender/release-package.json");
        var json = await download.Content.ReadAsStringAsync();
        var summary = await app.Client.GetFromJsonAsync<ReadinessSummary>($"/api/projects/{projectId}/readiness", Json);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal($"ocds-cbdemo-project-{projectId}", dto!.Ocid);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Empty((await OcdsSchemaValidator.ShippedAsync()).Validate(json));
        using var document = JsonDocument.Parse(json);
        var release = document.RootElement.GetProperty("releases")[0];
        Assert.Equal(dto.Ocid, release.GetProperty("ocid").GetString());
        Assert.Equal(2, release.GetProperty("tender").GetProperty("items").GetArrayLength());
        Assert.Contains("ISO 24510", release.GetProperty("tender").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(TenderPublisher.PackagePath(projectId), summary!.TenderUrl);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Every_published_release_stays_at_its_own_address_and_the_record_package_links_them(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var projectId = await NewProjectAsync(app);
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/procurement", Tender("USD"), Json)).EnsureSuccessStatusCode();

        var first = await (await app.Staff.PostAsync($"/api/projects/{projectId}/tender/publish", null)).Content.ReadFromJsonAsync<PublishedTenderDto>(Json);
        var second = await (await app.Staff.PostAsync($"/api/projects/{projectId}/tender/publish", null)).Content.ReadFromJsonAsync<PublishedTenderDto>(Json);
        var firstAgain = await app.Client.GetAsync(first!.Url);
        var record = await app.Client.GetStringAsync(TenderPublisher.RecordPath(projectId));

        Assert.Equal(HttpStatusCode.OK, firstAgain.StatusCode);
        using var firstPackage = JsonDocument.Parse(await firstAgain.Content.ReadAsStringAsync());
        Assert.Equal(first.ReleaseId, firstPackage.RootElement.GetProperty("releases")[0].GetProperty("id").GetString());
        Assert.EndsWith(first.Url, firstPackage.RootElement.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(first.ReleaseId, second!.ReleaseId);
        Assert.Empty((await OcdsSchemaValidator.ShippedAsync()).ValidateRecordPackage(record));
        using var recordDocument = JsonDocument.Parse(record);
        var links = recordDocument.RootElement.GetProperty("records")[0].GetProperty("releases").EnumerateArray()
            .Select(r => r.GetProperty("url").GetString()!).ToList();
        Assert.Equal(2, links.Count);
        Assert.EndsWith($"{first.Url}#{first.ReleaseId}", links[0], StringComparison.Ordinal);
        Assert.EndsWith($"{second.Url}#{second.ReleaseId}", links[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(TenderPublisher.ReleasePath(projectId, "no-such-release"))).StatusCode);
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_an_ocid_prefix_that_is_not_in_the_registered_format()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestApp.StartAsync(TestDatabase.Sqlite, demoData: false, new Dictionary<string, string?> { [TenderPublisher.OcidPrefixSetting] = "ocds-citybridge" }));

        Assert.Contains("ocds-citybridge", failure.Message, StringComparison.Ordinal);
        Assert.Contains("six lowercase letters or digits", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_tender_the_schema_refuses_is_not_published_and_the_schema_reason_is_returned(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var projectId = await NewProjectAsync(app);
        // "ABC" passes the form's three-letter rule but is not in OCDS's closed currency codelist.
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/procurement", Tender("ABC"), Json)).EnsureSuccessStatusCode();

        var refused = await app.Staff.PostAsync($"/api/projects/{projectId}/tender/publish", null);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemDetails>();
        var download = await app.Client.GetAsync($"/api/projects/{projectId}/tender/release-package.json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("tender.value", problem!.Detail, StringComparison.Ordinal);
        Assert.Contains("\"currency\" has a value the standard does not allow", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Invalid_finance_input_gets_a_message_per_field_and_saves_nothing(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var projectId = await NewProjectAsync(app);
        var plan = new FinancePlan([], [new FundingLine(FundingSource.GreenBond, 2027, -5m, "VND")],
            [new FinanceScenario("Base", 150m, "USD", [new YearFlow(1990, 100m, 0m, 0m)])]);

        var response = await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/finance", plan, Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        var versions = await app.Client.GetFromJsonAsync<List<VersionListItem>>($"/api/projects/{projectId}/readiness/finance/versions", Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("negative", Assert.Single(problem!.Errors["funding[0].amount"]), StringComparison.Ordinal);
        Assert.Contains("USD rate for VND", Assert.Single(problem.Errors["funding[0].currency"]), StringComparison.Ordinal);
        Assert.Contains("discount rate", Assert.Single(problem.Errors["scenarios[0].discountRatePercent"]), StringComparison.Ordinal);
        Assert.Contains("between 2000 and 2100", Assert.Single(problem.Errors["scenarios[0].years[0].year"]), StringComparison.Ordinal);
        Assert.Empty(versions!);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Only_the_projects_city_and_staff_may_save_readiness(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var projectId = await NewProjectAsync(app);
        using var otherCity = await app.ClientForAsync(AccountSeeder.DemoDaNangOfficialEmail);
        using var ownCity = await app.ClientForAsync(AccountSeeder.DemoMakassarOfficialEmail);

        var anonymous = await app.Client.PostAsJsonAsync($"/api/projects/{projectId}/readiness/cyber", new CyberAssessment([]), Json);
        var stranger = await otherCity.PostAsJsonAsync($"/api/projects/{projectId}/readiness/cyber", new CyberAssessment([]), Json);
        var owner = await ownCity.PostAsJsonAsync($"/api/projects/{projectId}/readiness/cyber", new CyberAssessment([new("PR.AA", 3, "MFA on all admin accounts")]), Json);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Created, owner.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_readiness_summary_reports_the_funding_gap_as_missing(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var projectId = await NewProjectAsync(app);
        var plan = new FinancePlan([new CurrencyRate("IDR", 0.000065m)],
            [new FundingLine(FundingSource.MunicipalBudget, 2027, 10_000_000_000m, "IDR")],
            [new FinanceScenario("Base", 8m, "USD", [new YearFlow(2027, 1_000_000m, 0m, 0m), new YearFlow(2028, 0m, 50_000m, 400_000m)])]);
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/finance", plan, Json)).EnsureSuccessStatusCode();

        var summary = await app.Client.GetFromJsonAsync<ReadinessSummary>($"/api/projects/{projectId}/readiness", Json);

        var finance = summary!.Parts.Single(p => p.Part == ReadinessPart.Finance);
        Assert.Equal(1, finance.CurrentVersion);
        Assert.Contains("Close the funding gap of USD 350,000.", finance.Missing);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_readiness_endpoints_are_described_in_the_OpenAPI_document(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var document = await app.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/projects/{projectId}/tender/release-package.json", document, StringComparison.Ordinal);
        Assert.Contains("/api/projects/{projectId}/readiness/finance", document, StringComparison.Ordinal);
    }
}

/// <summary>Builders for readiness test data.</summary>
internal static class ReadinessApiTestsData
{
    public static async Task<int> NewProjectAsync(TestApp app)
    {
        var cities = await app.Client.GetFromJsonAsync<CollectionResponse<Features.Cities.CityDto>>("/api/cities?q=makassar", AppFixture.Json);
        var input = new ProjectInput { CityId = cities!.Items.Single().Id, Title = Unique.Name("Leak detection"), Sectors = ["water"], Stage = ProjectStage.Planning, BudgetUsd = 8_000_000m };
        var created = await app.Staff.PostAsJsonAsync("/api/projects", input, AppFixture.Json);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<ProjectDto>(AppFixture.Json))!.Id;
    }

    public static ProjectPlan Plan(string objective) =>
        new([objective], [new("Water utility", "Operator")], [new("Pilot", new(2027, 1, 1), new(2027, 12, 31))],
            [new("ISO 37120", "Water", "Percentage of water loss (unaccounted for water)", 38m, 20m, 2030)]);

    public static ProcurementAssessment Tender(string currency) => new(
        [new("ISO 24510", ChecklistStatus.RequiredInTender), new("ISO/IEC 27001", ChecklistStatus.AlreadyMet)],
        new TenderDraft("Acoustic leak detection", "Sensors and analytics for 200 km of mains", "open", "goods", 2_000_000m, currency,
            new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero),
            [new("Acoustic loggers", 400m, "unit"), new("Analytics platform licence", 3m, "year")]));

}
