using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class OutreachTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitors_interest_becomes_a_contact_then_a_won_export_on_the_dashboard()
    {
        var company = $"Harborlight {Guid.NewGuid().ToString("N")[..6]}";
        var visitor = await fixture.NewPageAsync();
        var posts = 0;
        visitor.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Register your interest" }).ClickAsync();
        // An empty form: every problem at once (the consent one too), listed at the top with focus on the list,
        // found by the browser with the server's words before anything is sent.
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var summary = visitor.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter your name." })).ToHaveAttributeAsync("href", "#Input_FullName");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "We can only keep your request if you agree to the privacy notice." })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("main form").GetByText("Enter your e-mail address so we can answer.")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByLabel("E-mail")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, posts);
        await visitor.GetByLabel("E-mail").FillAsync("not an address");
        await Assertions.Expect(visitor.Locator("main form").GetByText("Enter a valid e-mail address, such as name@example.com.")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByLabel("Your name")).ToHaveAttributeAsync("aria-required", "true");
        await visitor.GetByLabel("Your name").FillAsync("Jordan Lee");
        await visitor.GetByLabel("E-mail").FillAsync($"{Guid.NewGuid():N}@harborlight.example");
        await visitor.GetByLabel("Company or city").FillAsync(company);
        await visitor.GetByLabel("Water and wastewater").CheckAsync();
        await visitor.GetByLabel("Viet Nam").CheckAsync();
        await visitor.GetByLabel("What are you looking for?").FillAsync("A pilot city for our flood sensors.");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("main form").GetByText("We can only keep your request if you agree to the privacy notice.")).ToBeVisibleAsync();
        Assert.Equal(0, posts);
        await visitor.GetByLabel("I agree to the privacy notice above.").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("We received your request");
        Assert.Equal(1, posts);

        var staff = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(staff);
        await staff.GotoAsync("/Interests");
        await staff.GetByRole(AriaRole.Row).Filter(new() { HasText = company }).GetByRole(AriaRole.Link).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Convert to contact" }).ClickAsync();
        await Assertions.Expect(staff.GetByText("Converted to contact by")).ToBeVisibleAsync();

        var before = await staff.GotoAsync("/Dashboard");
        var wonBefore = await staff.Locator("#exports-won").TextContentAsync();
        await staff.GotoAsync("/Pipeline/Edit");
        await staff.GetByLabel("Provider").SelectOptionAsync(new SelectOptionValue { Label = company });
        await staff.GetByLabel("City project").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await staff.GetByLabel("Stage").SelectOptionAsync("Won");
        await staff.GetByLabel("Value (USD)").FillAsync("2000000");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save opportunity" }).ClickAsync();
        await Assertions.Expect(staff.Locator("main form").GetByText("A won opportunity needs the date it was won.")).ToBeVisibleAsync();
        await staff.GetByLabel("Won on").FillAsync("2026-11-20");
        await staff.GetByLabel("Products or services sold").FillAsync("Flood sensors");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save opportunity" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opportunity saved.");

        await staff.GotoAsync("/Dashboard");
        var wonAfter = await staff.Locator("#exports-won").TextContentAsync();
        Assert.Equal(Parse(wonBefore) + 2_000_000m, Parse(wonAfter));
        await Assertions.Expect(staff.Locator("#exports-by-quarter")).ToContainTextAsync("2026-Q4");
    }

    private static decimal Parse(string? usd) => decimal.Parse(usd!.Replace("USD", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
