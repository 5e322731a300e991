using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CityBridge.Core.Readiness;
using CityBridge.Testing;
using CityBridge.Web.Features.Readiness;

namespace CityBridge.Web.Tests.Readiness;

[Collection(AppCollection.Name)]
public sealed class ReadinessPagesTests(AppFixture apps)
{
    private static async Task<int> ProjectWithEveryAssessmentAsync(TestApp app)
    {
        var projectId = await ReadinessApiTestsData.NewProjectAsync(app);
        var json = ReadinessJson.Options;
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/plan", ReadinessApiTestsData.Plan("Halve water loss"), json)).EnsureSuccessStatusCode();
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/finance", new FinancePlan([], [new FundingLine(FundingSource.FeasibilityStudyGrant, 2027, 250_000m, "USD")],
            [new FinanceScenario("Base", 10m, "USD", [new YearFlow(2027, 1_000_000m, 0m, 0m), new YearFlow(2028, 0m, 0m, 600_000m), new YearFlow(2029, 0m, 0m, 600_000m)])]), json)).EnsureSuccessStatusCode();
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/procurement", ReadinessApiTestsData.Tender("USD"), json)).EnsureSuccessStatusCode();
        (await app.Staff.PostAsJsonAsync($"/api/projects/{projectId}/readiness/cyber", new CyberAssessment([new("GV.OC", 3, "City IT charter"), new("PR.AA", 1, null)]), json)).EnsureSuccessStatusCode();
        (await app.Staff.PostAsync($"/api/projects/{projectId}/tender/publish", null)).EnsureSuccessStatusCode();
        return projectId;
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Every_readiness_page_shows_the_saved_assessments(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var id = await ProjectWithEveryAssessmentAsync(app);

        var overview = await app.Client.GetStringAsync($"/Projects/{id}/Readiness");
        var plan = await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Plan");
        var finance = await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Finance");
        var procurement = await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Procurement");
        var cyber = await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Cyber");
        var brief = await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Brief");

        Assert.Contains("Procure to standards", overview, StringComparison.Ordinal);
        Assert.Contains($"ocds-cbdemo-project-{id}", overview, StringComparison.Ordinal);
        Assert.Contains("Halve water loss", plan, StringComparison.Ordinal);
        Assert.Contains("Total funding gap: <strong>USD 750,000</strong>", finance, StringComparison.Ordinal);
        Assert.Contains("USD 41,322", finance, StringComparison.Ordinal);
        Assert.Contains("<svg", finance, StringComparison.Ordinal);
        Assert.Contains(TenderPublisher.PackagePath(id), procurement, StringComparison.Ordinal);
        Assert.Contains("Require individual accounts and multi-factor authentication", cyber, StringComparison.Ordinal);
        Assert.Contains("@page", brief, StringComparison.Ordinal);
        Assert.Contains("Funding gap", brief, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_plan_page_shows_each_indicators_clause_and_how_far_it_was_checked(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var id = await ReadinessApiTestsData.NewProjectAsync(app);
        const string FormerName = "Percentage of the city population with an online unified health file accessible to health care providers";
        var saved = ReadinessApiTestsData.Plan("Connect health records") with { Kpis = [new("ISO 37122", "Health", FormerName, 40m, 90m, 2030)] };
        (await app.Staff.PostAsJsonAsync($"/api/projects/{id}/readiness/plan", saved, ReadinessJson.Options)).EnsureSuccessStatusCode();

        var page = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Plan"));

        Assert.Contains(">6.2 Percentage of students completing primary education: survival rate (one public source)</option>", page, StringComparison.Ordinal);
        Assert.Contains(">5.2 Survival rate of new businesses per 100 000 population (one public source)</option>", page, StringComparison.Ordinal);
        Assert.Contains(">7.6 Percentage of street lighting managed by a light performance management system (English name unconfirmed)</option>", page, StringComparison.Ordinal);
        Assert.Contains(">Percentage of treated wastewater being reused (clause not found)</option>", page, StringComparison.Ordinal);
        // A KPI saved under the indicator's former name is shown selected under its name now.
        Assert.Matches("value=\"ISO 37122\\|Percentage of the city’s population with an online unified health file[^\"]*\"[^>]*selected", page);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_older_version_is_shown_when_asked_for(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var id = await ReadinessApiTestsData.NewProjectAsync(app);
        (await app.Staff.PostAsJsonAsync($"/api/projects/{id}/readiness/plan", ReadinessApiTestsData.Plan("First objective"), ReadinessJson.Options)).EnsureSuccessStatusCode();
        (await app.Staff.PostAsJsonAsync($"/api/projects/{id}/readiness/plan", ReadinessApiTestsData.Plan("Second objective"), ReadinessJson.Options)).EnsureSuccessStatusCode();

        var current = await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Plan");
        var older = await app.Client.GetStringAsync($"/Projects/{id}/Readiness/Plan?version=1");
        var missing = await app.Client.GetAsync($"/Projects/{id}/Readiness/Plan?version=9");

        Assert.Contains("Second objective", current, StringComparison.Ordinal);
        Assert.Contains("First objective", older, StringComparison.Ordinal);
        Assert.Contains("You are viewing version 1", older, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Add_row_buttons_give_the_finance_and_tender_forms_one_more_blank_row_keep_what_was_typed_and_save_nothing(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var id = await ReadinessApiTestsData.NewProjectAsync(app);
        var finance = $"/Projects/{id}/Readiness/Finance";
        var procurement = $"/Projects/{id}/Readiness/Procurement";
        var empty = await app.Staff.GetStringAsync(finance);
        var fundingRows = Rows(empty, "Form.Funding[", "].Year");
        var yearRows = Rows(empty, "Form.Scenarios[0].Years[", "].Year");

        var typed = new Dictionary<string, string> { ["Form.Funding[0].Year"] = "2027", ["Form.Funding[0].Amount"] = "1,250,000", ["Form.Scenarios[0].Name"] = "Base case" };
        for (var i = 1; i < fundingRows; i++)
        {
            typed[$"Form.Funding[{i}].Year"] = string.Empty;
        }

        for (var y = 0; y < yearRows; y++)
        {
            typed[$"Form.Scenarios[0].Years[{y}].Year"] = string.Empty;
        }

        var (_, withFunding) = await FormPost.AsAsync(app.Staff, finance, $"{finance}?handler=AddRow", new Dictionary<string, string>(typed) { ["list"] = "funding" });
        var (_, withYear) = await FormPost.AsAsync(app.Staff, finance, $"{finance}?handler=AddRow", new Dictionary<string, string>(typed) { ["list"] = "years-0" });
        var (_, withScenario) = await FormPost.AsAsync(app.Staff, finance, $"{finance}?handler=AddRow", new Dictionary<string, string>(typed) { ["list"] = "scenarios" });
        var (_, withItem) = await FormPost.AsAsync(app.Staff, procurement, $"{procurement}?handler=AddRow", new Dictionary<string, string>
        {
            ["Form.Tender.Title"] = "Leak detection sensors",
            ["Form.Tender.Items[0].Description"] = "Acoustic logger",
            ["Form.Tender.Items[1].Description"] = string.Empty,
            ["list"] = "items",
        });

        Assert.Equal(fundingRows + 1, Rows(withFunding, "Form.Funding[", "].Year"));
        Assert.Contains("value=\"2027\"", withFunding, StringComparison.Ordinal);
        Assert.Contains("value=\"1,250,000\"", withFunding, StringComparison.Ordinal);
        Assert.Equal(yearRows + 1, Rows(withYear, "Form.Scenarios[0].Years[", "].Year"));
        Assert.Contains("value=\"Base case\"", withYear, StringComparison.Ordinal);
        Assert.Equal(2, Rows(withScenario, "Form.Scenarios[", "].Name")); // the one typed in, and a new one
        Assert.Equal(3, Rows(withItem, "Form.Tender.Items[", "].Description")); // the two posted, and a new one
        Assert.Contains("value=\"Acoustic logger\"", withItem, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2027\"", await app.Staff.GetStringAsync(finance), StringComparison.Ordinal);
        Assert.DoesNotContain("Add a funding line", await app.Client.GetStringAsync(finance), StringComparison.Ordinal);
    }

    private static int Rows(string html, string prefix, string suffix) =>
        Regex.Count(html, $"name=\"{Regex.Escape(prefix)}\\d+{Regex.Escape(suffix)}\"");
}
