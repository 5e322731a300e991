using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityBridge.Core.Domain;
using CityBridge.Testing;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class RecordApiTests(AppFixture apps)
{
    private static async Task<int> AnyCityIdAsync(TestApp app)
    {
        var cities = await app.Client.GetFromJsonAsync<CollectionResponse<CityDto>>("/api/cities?q=makassar", AppFixture.Json);
        return cities!.Items.Single().Id;
    }

    private static ProjectInput ValidProject(int cityId, string title) => new()
    {
        CityId = cityId,
        Title = title,
        Description = "Cut non-revenue water with district metering and acoustic leak detection.",
        Sectors = ["water"],
        Stage = ProjectStage.Planning,
        BudgetUsd = 12_000_000m,
        StandardsWanted = ["ISO 24510"],
    };

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_project_is_created_read_and_listed_through_the_API(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var title = Unique.Name("Smart water metering");

        var created = await app.Staff.PostAsJsonAsync("/api/projects", ValidProject(await AnyCityIdAsync(app), title), AppFixture.Json);
        var project = await created.Content.ReadFromJsonAsync<ProjectDto>(AppFixture.Json);
        var listed = await app.Client.GetFromJsonAsync<CollectionResponse<ProjectDto>>($"/api/projects?q={Uri.EscapeDataString(title)}", AppFixture.Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/projects/{project!.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal(12_000_000m, project.BudgetUsd);
        Assert.Equal(["water"], project.Sectors);
        Assert.Equal("Makassar", project.CityName);
        Assert.Equal(project.Id, Assert.Single(listed!.Items).Id);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Invalid_input_gets_a_problem_with_a_message_per_field_and_stores_nothing(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var title = Unique.Name("Bad");
        var input = ValidProject(await AnyCityIdAsync(app), title);
        input.Sectors = ["wter"];
        input.BudgetUsd = -5;
        input.EndDate = new DateOnly(2026, 1, 1);
        input.StartDate = new DateOnly(2027, 1, 1);

        var response = await app.Staff.PostAsJsonAsync("/api/projects", input, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("wter", Assert.Single(problem!.Errors["sectors"]));
        Assert.Contains("budget", Assert.Single(problem.Errors["budgetUsd"]), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("end date", Assert.Single(problem.Errors["endDate"]));
        await using var db = app.NewDb();
        Assert.False(await db.Projects.AnyAsync(p => p.Title == title));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_reference_to_a_missing_city_is_refused_with_a_field_message(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var response = await app.Staff.PostAsJsonAsync("/api/projects", ValidProject(987654, Unique.Name("Orphan")), AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("987654", Assert.Single(problem!.Errors["cityId"]));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Malformed_JSON_and_wrong_types_get_a_400_problem_not_a_crash(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var malformed = await app.Staff.PostAsync("/api/projects", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        var wrongType = await app.Staff.PostAsync("/api/projects", new StringContent("{\"title\": \"Water\", \"cityId\": \"abc\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_stale_edit_gets_a_conflict_and_never_overwrites_the_newer_one(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var created = await app.Staff.PostAsJsonAsync("/api/projects", ValidProject(await AnyCityIdAsync(app), Unique.Name("Traffic")), AppFixture.Json);
        var original = (await created.Content.ReadFromJsonAsync<ProjectDto>(AppFixture.Json))!;

        var first = ProjectInput.From(original);
        first.Description = "First editor's text";
        var firstResponse = await app.Staff.PutAsJsonAsync($"/api/projects/{original.Id}", first, AppFixture.Json);
        var second = ProjectInput.From(original);
        second.Description = "Second editor's text, based on the old version";
        var secondResponse = await app.Staff.PutAsJsonAsync($"/api/projects/{original.Id}", second, AppFixture.Json);
        var problem = await secondResponse.Content.ReadFromJsonAsync<ProblemDetails>();
        var stored = await app.Client.GetFromJsonAsync<ProjectDto>($"/api/projects/{original.Id}", AppFixture.Json);

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondResponse.StatusCode);
        Assert.Contains("Somebody else saved this project", problem!.Detail);
        Assert.Equal("First editor's text", stored!.Description);
        Assert.NotEqual(original.Version, stored.Version);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_update_without_the_version_read_is_refused(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var created = await app.Staff.PostAsJsonAsync("/api/projects", ValidProject(await AnyCityIdAsync(app), Unique.Name("Lighting")), AppFixture.Json);
        var original = (await created.Content.ReadFromJsonAsync<ProjectDto>(AppFixture.Json))!;
        var edit = ProjectInput.From(original);
        edit.Version = null;

        var response = await app.Staff.PutAsJsonAsync($"/api/projects/{original.Id}", edit, AppFixture.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_city_with_projects_cannot_be_deleted_but_an_empty_one_can(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var busyCityId = await AnyCityIdAsync(app);
        await app.Staff.PostAsJsonAsync("/api/projects", ValidProject(busyCityId, Unique.Name("Flood warning")), AppFixture.Json);
        var newCity = await app.Staff.PostAsJsonAsync("/api/cities", new CityInput { Name = Unique.Name("Testville"), CountryCode = "PH", Population = 1000, TimeZone = "Asia/Manila" }, AppFixture.Json);
        var emptyCity = (await newCity.Content.ReadFromJsonAsync<CityDto>(AppFixture.Json))!;

        var refused = await app.Staff.DeleteAsync($"/api/cities/{busyCityId}");
        var deleted = await app.Staff.DeleteAsync($"/api/cities/{emptyCity.Id}?version={emptyCity.Version}");
        var gone = await app.Client.GetAsync($"/api/cities/{emptyCity.Id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("project", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_city_needs_a_real_IANA_time_zone_and_a_known_country(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var response = await app.Staff.PostAsJsonAsync("/api/cities", new CityInput { Name = "Nowhere", CountryCode = "ZZ", TimeZone = "Mars/Olympus" }, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mars/Olympus", Assert.Single(problem!.Errors["timeZone"]));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Providers_can_be_filtered_by_sector_and_country_of_experience(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var name = Unique.Name("Leak finders");
        await app.Staff.PostAsJsonAsync("/api/organizations", new OrganizationInput
        {
            Name = name,
            Kind = OrganizationKind.Provider,
            CountryCode = "US",
            Sectors = ["water", "environment"],
            ExperienceCountries = ["KH"],
        }, AppFixture.Json);

        var water = await app.Client.GetFromJsonAsync<CollectionResponse<OrganizationDto>>("/api/organizations?sector=water&country=KH&kind=Provider&pageSize=200", AppFixture.Json);
        var energy = await app.Client.GetFromJsonAsync<CollectionResponse<OrganizationDto>>($"/api/organizations?sector=energy&q={Uri.EscapeDataString(name)}", AppFixture.Json);

        Assert.Contains(water!.Items, o => o.Name == name);
        Assert.All(water.Items, o => Assert.Contains("water", o.Sectors));
        Assert.Empty(energy!.Items);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Unknown_ids_get_404_problem_details(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var response = await app.Client.GetAsync("/api/solutions/999999");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no solution with id 999999", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }
}
