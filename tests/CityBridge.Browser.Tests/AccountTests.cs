using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_sign_in_with_a_second_factor_and_reach_the_staff_pages()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Audit");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await page.GetByLabel("E-mail").FillAsync(AccountSeeder.DemoStaffEmail);
        await page.GetByLabel("Password").FillAsync(AccountSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
        await page.GetByLabel("Authentication code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.Locator("main form").GetByText("That code is not valid.")).ToBeVisibleAsync();
        var code = await SignIn.UnusedCodeAsync(AccountSeeder.DemoStaffAuthenticatorKey);
        await page.GetByLabel("Authentication code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        // Staff pages sit in the header's Staff menu, with the current one marked.
        await page.Locator("summary", new() { HasText = "Staff" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "E-mail outbox" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task An_official_cannot_reach_the_edit_page_of_another_citys_project()
    {
        await using var db = fixture.App.NewDb();
        var daNangProject = await db.Projects.Where(p => p.City!.Name == "Da Nang").Select(p => p.Id).FirstAsync();
        var makassarProject = await db.Projects.Where(p => p.City!.Name == "Makassar").Select(p => p.Id).FirstAsync();
        var page = await fixture.NewPageAsync();
        await SignIn.AsAsync(page, AccountSeeder.DemoMakassarOfficialEmail);

        var response = await page.GotoAsync($"/Projects/Edit/{daNangProject}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        Assert.Equal(403, response!.Status);

        await page.GotoAsync($"/Projects/Edit/{makassarProject}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save project" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_visitor_sees_no_edit_buttons_and_no_contacts()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Organizations?q=AquaSense");
        await page.GetByRole(AriaRole.Link, new() { Name = "AquaSense Analytics" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("AquaSense Analytics");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Maria Alvarez")).ToHaveCountAsync(0);
    }
}
