using System.Net;
using System.Net.Http.Json;
using CityBridge.Core.Domain;
using CityBridge.Testing;
using CityBridge.Web.Features.Library;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Search;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SearchTests(AppFixture apps)
{
    /// <summary>A made-up word that no other record contains, so a search for it finds only the test's record.</summary>
    private static string Word() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<CollectionResponse<SearchResult>> SearchAsync(HttpClient client, string q) =>
        (await client.GetFromJsonAsync<CollectionResponse<SearchResult>>($"/api/search?q={Uri.EscapeDataString(q)}", AppFixture.Json))!;

    private static async Task<HttpResponseMessage> CreateProjectAsync(TestApp app, string city, string description, bool published)
    {
        await using var db = app.NewDb();
        return await app.Staff.PostAsJsonAsync("/api/projects", new ProjectInput
        {
            CityId = await db.Cities.Where(c => c.Name == city).Select(c => c.Id).SingleAsync(),
            Title = Unique.Name("Flood early warning"),
            Description = description,
            Sectors = ["water"],
            Stage = ProjectStage.Planning,
            IsPublished = published,
        }, AppFixture.Json);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_new_library_document_is_found_at_once_and_an_edit_moves_it_to_its_new_words(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (before, after) = (Word(), Word());
        var document = await LibraryTests.CreateAsync(app, LibraryTests.Document(Unique.Name("Search me"), body: $"Leak detection notes {before}."));

        var found = Assert.Single((await SearchAsync(app.Client, before)).Items);
        var edit = LibraryDocumentInput.From((await app.Staff.GetFromJsonAsync<LibraryDocumentDto>($"/api/library/{document.Id}", AppFixture.Json))!);
        edit.Body = $"Rewritten with {after}.";
        (await app.Staff.PutAsJsonAsync($"/api/library/{document.Id}", edit, AppFixture.Json)).EnsureSuccessStatusCode();

        Assert.Equal(("library", document.Id, $"/Library/{document.Slug}", "Library document"), (found.Kind, found.Id, found.Link, found.Label));
        Assert.Empty((await SearchAsync(app.Client, before)).Items);
        Assert.Equal(document.Id, Assert.Single((await SearchAsync(app.Client, after)).Items).Id);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_new_priority_project_is_found_by_a_word_of_its_description_and_a_deleted_one_no_more(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var word = Word();
        var created = await CreateProjectAsync(app, "Makassar", $"River gauges and sirens along the canal, codename {word}.", published: true);
        var project = (await created.Content.ReadFromJsonAsync<ProjectDto>(AppFixture.Json))!;

        var hit = Assert.Single((await SearchAsync(app.Client, word)).Items);
        (await app.Staff.DeleteAsync($"/api/projects/{project.Id}")).EnsureSuccessStatusCode();

        Assert.Equal(("project", project.Id, $"/Projects/Details/{project.Id}"), (hit.Kind, hit.Id, hit.Link));
        Assert.Empty((await SearchAsync(app.Client, word)).Items);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Drafts_and_unpublished_projects_are_found_only_by_those_who_may_see_them(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var word = Word();
        var draft = await LibraryTests.CreateAsync(app, LibraryTests.Document(Unique.Name("Draft"), published: false, body: $"Draft about {word}."));
        (await CreateProjectAsync(app, "Da Nang", $"Not public yet: {word}.", published: false)).EnsureSuccessStatusCode();
        using var provider = await app.ClientForAsync(Features.Account.AccountSeeder.DemoProviderEmail);
        using var daNang = await app.ClientForAsync(Features.Account.AccountSeeder.DemoDaNangOfficialEmail);

        Assert.Equal(["library", "project"], (await SearchAsync(app.Staff, word)).Items.Select(r => r.Kind).Order());
        Assert.Empty((await SearchAsync(app.Client, word)).Items);
        Assert.Empty((await SearchAsync(provider, word)).Items);
        // The city's own official sees the city's unpublished project, as on the project pages, but not the draft.
        Assert.Equal(["project"], (await SearchAsync(daNang, word)).Items.Select(r => r.Kind));
        Assert.DoesNotContain(draft.Title, WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Search?q={word}")));
        Assert.Contains(draft.Title, WebUtility.HtmlDecode(await app.Staff.GetStringAsync($"/Search?q={word}")));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_program_is_found_by_a_word_of_its_agenda_by_everyone_once_published_and_by_staff_before(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var word = Word();
        var day = new DateOnly(2027, 9, 6);
        var input = new Features.Programs.ProgramInput
        {
            Name = Unique.Name("Searchable workshop"),
            Kind = Core.Programs.ProgramKind.Workshop,
            Place = "Hanoi",
            TimeZone = "Asia/Ho_Chi_Minh",
            StartDate = day,
            EndDate = day,
            Sectors = ["water"],
            Capacity = 10,
            IsPublished = false,
            Sessions = [new Features.Programs.ProgramSessionInput { Title = $"Metering {word}", Date = day, Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0) }],
        };
        var created = await app.Staff.PostAsJsonAsync("/api/programs", input, AppFixture.Json);
        var program = (await created.Content.ReadFromJsonAsync<Features.Programs.ProgramDto>(AppFixture.Json))!;

        var hiddenFromVisitors = (await SearchAsync(app.Client, word)).Items;
        var foundByStaff = Assert.Single((await SearchAsync(app.Staff, word)).Items);
        input.IsPublished = true;
        input.Version = program.Version;
        (await app.Staff.PutAsJsonAsync($"/api/programs/{program.Id}", input, AppFixture.Json)).EnsureSuccessStatusCode();
        var foundByVisitors = Assert.Single((await SearchAsync(app.Client, word)).Items);

        Assert.Empty(hiddenFromVisitors);
        Assert.Equal(("program", program.Id, $"/Programs/Details/{program.Id}"), (foundByStaff.Kind, foundByStaff.Id, foundByStaff.Link));
        Assert.Equal(program.Id, foundByVisitors.Id);
    }

    [Fact]
    public async Task The_demo_data_is_found_across_kinds_from_the_search_page()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync("/Search?q=leak"));

        Assert.Contains("Library document", html);
        Assert.Contains("Solution", html);
        Assert.Contains("LeakFinder acoustic loggers", html);
        Assert.Contains("Case study: blended finance for a leak-detection programme", html);
    }

    [Fact]
    public async Task Searching_without_words_is_a_problem_in_the_API_and_an_empty_page_in_the_UI()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await app.Client.GetAsync("/api/search?q=%20");
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        var page = await app.Client.GetAsync("/Search");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Enter the words to search for.", Assert.Single(problem!.Errors["q"]));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("result(s)", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_page_has_the_search_box_in_its_header()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var html = await app.Client.GetStringAsync("/Cities");

        Assert.Contains("<form class=\"site-search\" method=\"get\" action=\"/Search\" role=\"search\">", html);
        Assert.Contains("aria-label=\"Search the site\"", html);
    }
}
