using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CityBridge.Core.Domain;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReadinessTests(BrowserFixture fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private async Task<int> NewDaNangProjectAsync()
    {
        var cities = await fixture.App.Client.GetFromJsonAsync<CollectionResponse<CityDto>>("/api/cities?q=da%20nang", Json);
        var input = new ProjectInput { CityId = cities!.Items.Single().Id, Title = $"Smart lighting {Guid.NewGuid().ToString("N")[..6]}", Sectors = ["energy"], Stage = ProjectStage.Planning };
        var created = await fixture.App.Staff.PostAsJsonAsync("/api/projects", input, Json);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<ProjectDto>(Json))!.Id;
    }

    [Fact]
    public async Task A_city_official_completes_a_finance_plan_and_sees_the_funding_gap_and_npv()
    {
        var projectId = await NewDaNangProjectAsync();
        var page = await fixture.NewPageAsync();
        await SignIn.AsAsync(page, AccountSeeder.DemoDaNangOfficialEmail);
        await page.GotoAsync($"/Projects/Details/{projectId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Readiness: plan, finance, procurement and cyber" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Finance", Exact = true }).First.ClickAsync();

        await page.GetByLabel("Funding 1 source").SelectOptionAsync(new SelectOptionValue { Label = "Municipal budget" });
        await page.GetByLabel("Funding 1 year").FillAsync("2027");
        await page.GetByLabel("Funding 1 amount").FillAsync("400000");
        await page.GetByLabel("Scenario 1 name").FillAsync("Base case");
        await page.GetByLabel("Scenario 1 discount rate (%)").FillAsync("10");
        await page.GetByLabel("Scenario 1 row 1 year").FillAsync("2027");
        await page.GetByLabel("Scenario 1 row 1 capex").FillAsync("1000000");
        await page.GetByLabel("Scenario 1 row 2 year").FillAsync("2028");
        await page.GetByLabel("Scenario 1 row 2 revenue").FillAsync("600000");
        await page.GetByLabel("Scenario 1 row 3 year").FillAsync("2029");
        await page.GetByLabel("Scenario 1 row 3 revenue").FillAsync("600000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save finance plan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Finance saved as version 1.");
        // Need 1,000,000 of capex in 2027, 400,000 funded; NPV at 10% = -1,000,000 + 600,000/1.1 + 600,000/1.21 = 41,322.
        await Assertions.Expect(page.GetByText("Total funding gap: USD 600,000")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Scenario results" })).ToContainTextAsync("USD 41,322");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Net cash flow per year and scenario, in USD" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_finance_entry_gets_a_message_beside_the_field_and_nothing_is_saved()
    {
        var projectId = await NewDaNangProjectAsync();
        var page = await fixture.NewPageAsync();
        await SignIn.AsAsync(page, AccountSeeder.DemoDaNangOfficialEmail);
        await page.GotoAsync($"/Projects/{projectId}/Readiness/Finance");

        await page.GetByLabel("Funding 1 year").FillAsync("2027");
        await page.GetByLabel("Funding 1 amount").FillAsync("5000000000");
        await page.GetByLabel("Funding 1 currency").FillAsync("VND");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save finance plan" }).ClickAsync();

        await Assertions.Expect(page.Locator("main form").GetByText("Enter the USD rate for VND first.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Nothing saved yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_city_official_builds_a_tender_publishes_it_as_OCDS_and_downloads_it()
    {
        var projectId = await NewDaNangProjectAsync();
        var page = await fixture.NewPageAsync();
        await SignIn.AsAsync(page, AccountSeeder.DemoDaNangOfficialEmail);
        await page.GotoAsync($"/Projects/{projectId}/Readiness/Procurement");

        await page.GetByLabel("IEC 62443 status").SelectOptionAsync(new SelectOptionValue { Label = "Require in tender" });
        await page.GetByLabel("Tender title").FillAsync("LED street lights with remote management");
        await page.GetByLabel("Tender description").FillAsync("Supply and install 12 000 LED luminaires.");
        await page.GetByLabel("Main category").SelectOptionAsync("goods");
        await page.GetByLabel("Estimated value").FillAsync("3000000");
        await page.GetByLabel("Tender opens (Asia/Ho_Chi_Minh time)").FillAsync("2027-02-01T09:00");
        await page.GetByLabel("Tender closes (Asia/Ho_Chi_Minh time)").FillAsync("2027-03-15T17:00");
        await page.GetByLabel("Item 1 description").FillAsync("LED luminaire with controller");
        await page.GetByLabel("Item 1 quantity").FillAsync("12000");
        await page.GetByLabel("Item 1 unit").FillAsync("unit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save checklist and tender" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Procurement saved as version 1.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish tender as OCDS" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"ocds-cbdemo-project-{projectId}-tender-1");
        var download = await page.Context.APIRequest.GetAsync($"/api/projects/{projectId}/tender/release-package.json");
        var json = await download.TextAsync();
        Assert.Contains($"\"ocid\": \"ocds-cbdemo-project-{projectId}\"", json, StringComparison.Ordinal);
        Assert.Contains("IEC 62443", json, StringComparison.Ordinal);
        // Entered in Da Nang's time (UTC+7), stored and published in UTC.
        Assert.Contains("2027-02-01T02:00:00", json, StringComparison.Ordinal);
    }
}
