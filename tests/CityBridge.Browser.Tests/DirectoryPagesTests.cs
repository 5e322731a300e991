using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DirectoryPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_searches_for_a_city_and_opens_it()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Cities");

        await page.GetByLabel("Search cities").FillAsync("Makassar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Makassar", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Makassar");
        await Assertions.Expect(page.GetByText("Asia/Makassar")).ToBeVisibleAsync();
        // The stylesheet (served pre-compressed to browsers) really applies.
        await Assertions.Expect(page.Locator(".site-header")).ToHaveCSSAsync("background-color", "rgb(15, 39, 64)");
    }

    [Fact]
    public async Task A_visitor_filters_projects_by_sector_and_opens_one()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Projects");

        await page.Locator("select[name=sector]").SelectOptionAsync("water");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var firstProject = page.Locator("table.data tbody tr td:first-child a").First;
        var title = (await firstProject.TextContentAsync())!.Trim();
        await firstProject.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Water and wastewater");
    }

    [Fact]
    public async Task Creating_a_project_shows_field_messages_first_then_saves_once_fixed()
    {
        var page = await fixture.NewPageAsync();
        var title = $"Smart street lighting {Guid.NewGuid().ToString("N")[..6]}";
        await SignIn.AsAsync(page, CityBridge.Web.Features.Account.AccountSeeder.DemoDaNangOfficialEmail);
        await page.GotoAsync("/Projects/Edit");

        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save project" }).ClickAsync();

        await Assertions.Expect(page.Locator("main form").GetByText("Choose at least one sector.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main form").GetByText("Choose the city that owns this project.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);

        await page.GetByLabel("City").SelectOptionAsync(new SelectOptionValue { Label = "Da Nang (Viet Nam)" });
        await page.GetByLabel("Energy and smart grid").CheckAsync();
        await page.GetByLabel("Budget (USD)").FillAsync("4500000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save project" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Project saved.");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("USD 4,500,000");
    }

    [Fact]
    public async Task A_stale_edit_in_a_second_tab_is_refused_with_a_clear_message()
    {
        var first = await fixture.NewPageAsync();
        var second = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(first);
        await SignIn.AsStaffAsync(second);
        await first.GotoAsync("/Cities?q=Phuket");
        await first.GetByRole(AriaRole.Link, new() { Name = "Phuket", Exact = true }).ClickAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await second.GotoAsync(first.Url);

        await first.GetByLabel("Description").FillAsync("Edited in the first tab.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save city" }).ClickAsync();
        await second.GetByLabel("Description").FillAsync("Edited in the second tab.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save city" }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Somebody else saved this city");
        await first.ReloadAsync();
        await Assertions.Expect(first.GetByText("Edited in the first tab.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Importing_a_bad_CSV_lists_the_lines_to_fix_and_stores_nothing()
    {
        var page = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(page);
        await page.GotoAsync("/DataExchange");
        var csv = "name,sectors\nFine Co,water\nBroken Co,teleportation\n";

        await page.GetByLabel("The file holds").SelectOptionAsync("Providers");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "providers.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var report = page.Locator("#import-report");
        await Assertions.Expect(report).ToContainTextAsync("Nothing was imported");
        await Assertions.Expect(report.Locator("td.num")).ToHaveTextAsync("3");
        await Assertions.Expect(report).ToContainTextAsync("teleportation");
        await page.GotoAsync("/Organizations?q=Fine%20Co");
        await Assertions.Expect(page.GetByText("No organization matches these filters.")).ToBeVisibleAsync();
    }
}
