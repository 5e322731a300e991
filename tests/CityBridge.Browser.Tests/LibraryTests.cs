using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LibraryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_write_a_library_document_and_link_it_to_a_project_and_a_visitor_finds_it_with_the_search_box()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var title = $"Cyber risk register for water SCADA {word}";
        var staff = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(staff);
        await staff.GotoAsync("/Library");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Add a document" }).ClickAsync();

        await staff.GetByLabel("Title").FillAsync(title);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();
        await Assertions.Expect(staff.Locator("main form").GetByText("Write the document's text (Markdown).")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("main form").GetByText("Choose at least one workshop topic.")).ToBeVisibleAsync();

        await staff.GetByLabel("Text (Markdown)").FillAsync($"## First steps\n\nList every **connected pump** and its owner. Keyword: {word}.\n\n<script>document.title='hacked'</script>");
        await staff.GetByLabel("Cybersecurity risk", new() { Exact = true }).CheckAsync();
        await staff.GetByLabel("Water and wastewater").CheckAsync();
        await staff.GetByLabel("Published (visible to everyone; drafts are for staff only)").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save document" }).ClickAsync();

        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("Document saved.");
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "First steps" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("article strong")).ToHaveTextAsync("connected pump");
        Assert.NotEqual("hacked", await staff.TitleAsync());

        await staff.GotoAsync("/Projects?sector=water");
        var project = staff.Locator("table.data tbody tr td:first-child a").First;
        var projectTitle = (await project.TextContentAsync())!.Trim();
        await project.ClickAsync();
        await staff.GetByLabel("Library document").SelectOptionAsync(new SelectOptionValue { Label = title });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Link document" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("Document linked.");
        await Assertions.Expect(staff.Locator(".library-links").GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByLabel("Search the site").FillAsync(word);
        await visitor.GetByLabel("Search the site").PressAsync("Enter");
        await Assertions.Expect(visitor.Locator(".search-results li")).ToHaveCountAsync(1);
        await visitor.Locator(".search-results").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        await visitor.GetByLabel("Search the site").FillAsync(projectTitle);
        await visitor.GetByLabel("Search the site").PressAsync("Enter");
        await visitor.Locator(".search-results").GetByRole(AriaRole.Link, new() { Name = projectTitle, Exact = true }).First.ClickAsync();
        await Assertions.Expect(visitor.Locator(".library-links").GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Link document" })).ToHaveCountAsync(0);
    }
}
