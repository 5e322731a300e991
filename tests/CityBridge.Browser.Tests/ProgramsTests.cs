using CityBridge.Web.Features.Account;
using Microsoft.Playwright;

namespace CityBridge.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ProgramsTests(BrowserFixture fixture)
{
    private static async Task FillSessionAsync(IPage page, int row, string title, string day, string from, string to, string topic, string materials)
    {
        var session = page.GetByTestId($"session-{row}");
        await session.GetByLabel("Title").FillAsync(title);
        await session.GetByLabel("Day").FillAsync(day);
        await session.GetByLabel("From").FillAsync(from);
        await session.GetByLabel("To", new() { Exact = true }).FillAsync(to);
        await session.GetByLabel("Topic (workshops: one of the four topics)").FillAsync(topic);
        await session.GetByLabel("Speakers").FillAsync("Program staff");
        await session.GetByLabel("Materials (Markdown: text and links)").FillAsync(materials);
    }

    [Fact]
    public async Task Staff_create_a_workshop_an_official_registers_with_a_project_staff_approve_and_the_official_sees_the_agenda()
    {
        var name = $"Readiness workshop {Guid.NewGuid().ToString("N")[..6]}";
        var staff = await fixture.NewPageAsync();
        await SignIn.AsStaffAsync(staff);
        await staff.GotoAsync("/Programs");
        await staff.GetByRole(AriaRole.Link, new() { Name = "New program" }).ClickAsync();
        await staff.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await staff.GetByLabel("Kind").SelectOptionAsync("Workshop");
        await staff.GetByLabel("Place (venue or trade show, city)").FillAsync("Civil Service College, Singapore");
        await staff.GetByLabel("Time zone (IANA, such as Asia/Singapore)").FillAsync("Asia/Singapore");
        await staff.GetByLabel("First day").FillAsync("2027-05-10");
        await staff.GetByLabel("Last day").FillAsync("2027-05-09");
        await staff.GetByLabel("Seats").FillAsync("24");
        await staff.GetByLabel("Water and wastewater").CheckAsync();
        await staff.GetByLabel("Published (public and open for registration)").CheckAsync();
        await FillSessionAsync(staff, 0, "Planning the build-out", "2027-05-10", "09:00", "12:30", "Planning and tailoring build-outs", "Read the [planning guide](https://example.org/plan)");
        await FillSessionAsync(staff, 1, "Paying for it", "2027-05-11", "09:00", "12:30", "Financing and sustainable funding", "Bring your budget.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();

        await Assertions.Expect(staff.Locator("[data-valmsg-for='Input.EndDate']")).ToHaveTextAsync("The last day cannot be before the first.");
        await staff.GetByLabel("Last day").FillAsync("2027-05-14");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToHaveTextAsync("Program saved.");
        var programPath = new Uri(staff.Url).AbsolutePath;
        var programId = programPath[(programPath.LastIndexOf('/') + 1)..];

        var official = await fixture.NewPageAsync();
        await SignIn.AsAsync(official, AccountSeeder.DemoDaNangOfficialEmail);
        await official.GotoAsync("/Programs?kind=Workshop");
        await official.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Apply for this program" }).ClickAsync();
        await Assertions.Expect(official.Locator("main form").GetByText("Workshop participants bring one priority project: choose it.")).ToBeVisibleAsync();
        await official.GetByLabel("Your priority project").SelectOptionAsync(new SelectOptionValue { Label = "Smart water network for central districts" });
        await official.GetByRole(AriaRole.Button, new() { Name = "Apply for this program" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToContainTextAsync("You applied.");
        await Assertions.Expect(official.GetByTestId("my-registration")).ToContainTextAsync("Applied");

        await staff.GotoAsync($"/Programs/Registrations/{programId}");
        await Assertions.Expect(staff.GetByTestId("registrations")).ToContainTextAsync("Smart water network for central districts");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Approve Linh Tran (Da Nang)" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");

        await official.GotoAsync("/Programs/Mine");
        await Assertions.Expect(official.GetByTestId("my-registrations")).ToContainTextAsync("Approved");
        await official.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(official.GetByTestId("my-registration")).ToContainTextAsync("Approved");
        var agenda = official.GetByTestId("agenda");
        await Assertions.Expect(agenda).ToContainTextAsync("Planning the build-out");
        await Assertions.Expect(agenda).ToContainTextAsync("Paying for it");
        await Assertions.Expect(agenda).ToContainTextAsync("Tue 11 May 2027");
        await Assertions.Expect(agenda.GetByRole(AriaRole.Link, new() { Name = "planning guide" })).ToHaveAttributeAsync("href", "https://example.org/plan");
    }
}
