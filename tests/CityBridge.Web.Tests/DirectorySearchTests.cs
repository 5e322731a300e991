using System.Net.Http.Json;
using CityBridge.Core.Domain;
using CityBridge.Testing;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;

namespace CityBridge.Web.Tests;

/// <summary>The free-text filter of the directories: a case-insensitive substring of names and descriptions, on both engines.</summary>
[Collection(AppCollection.Name)]
public sealed class DirectorySearchTests(AppFixture apps)
{
    private static async Task<OrganizationDto> CreateProviderAsync(TestApp app, string name, string? description)
    {
        var response = await app.Staff.PostAsJsonAsync("/api/organizations", new OrganizationInput
        {
            Name = name,
            Kind = OrganizationKind.Provider,
            CountryCode = "US",
            Description = description,
            Sectors = ["water"],
        }, AppFixture.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<OrganizationDto>(AppFixture.Json))!;
    }

    private static async Task<List<string>> NamesFoundAsync(TestApp app, string path) =>
        (await app.Client.GetFromJsonAsync<CollectionResponse<OrganizationDto>>(path, AppFixture.Json))!.Items.Select(o => o.Name).ToList();

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Search_finds_a_substring_of_the_name_or_the_description_in_any_letter_case(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var byName = await CreateProviderAsync(app, $"HydroTag{tag}Works", null);
        var byDescription = await CreateProviderAsync(app, Unique.Name("Plain provider"), $"Leak detection, see reference TAG{tag.ToUpperInvariant()}X.");
        await CreateProviderAsync(app, Unique.Name("Unrelated provider"), "Street lighting.");

        var found = await NamesFoundAsync(app, $"/api/organizations?q={Uri.EscapeDataString("TAG" + tag)}");

        Assert.Equal([byName.Name, byDescription.Name], found.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_search_does_not_match_across_the_end_of_the_name_and_the_start_of_the_description(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var provider = await CreateProviderAsync(app, $"Alpha{tag}", "Beta pumps for rural districts.");

        var across = await NamesFoundAsync(app, $"/api/organizations?q={tag}beta");
        var inDescription = await NamesFoundAsync(app, $"/api/organizations?q={Uri.EscapeDataString("BETA PUMPS")}&pageSize=200");

        Assert.Empty(across);
        Assert.Contains(provider.Name, inDescription);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Project_search_finds_the_title_the_description_or_the_city_name(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (tag, descriptionTag) = (Guid.NewGuid().ToString("N")[..10], Guid.NewGuid().ToString("N")[..10]);
        var cityId = (await app.Client.GetFromJsonAsync<CollectionResponse<CityBridge.Web.Features.Cities.CityDto>>("/api/cities?q=makassar", AppFixture.Json))!.Items.Single().Id;
        var title = $"Pumps {tag}";
        (await app.Staff.PostAsJsonAsync("/api/projects", new CityBridge.Web.Features.Projects.ProjectInput
        {
            CityId = cityId,
            Title = title,
            Description = $"Pressure sensors, reference {descriptionTag}.",
            Sectors = ["water"],
            Stage = ProjectStage.Idea,
            IsPublished = true,
        }, AppFixture.Json)).EnsureSuccessStatusCode();

        async Task<List<string>> TitlesAsync(string q) =>
            (await app.Client.GetFromJsonAsync<CollectionResponse<CityBridge.Web.Features.Projects.ProjectDto>>($"/api/projects?q={Uri.EscapeDataString(q)}&pageSize=200", AppFixture.Json))!
                .Items.Select(p => p.Title).ToList();

        Assert.Equal([title], await TitlesAsync($"PUMPS {tag.ToUpperInvariant()}"));
        Assert.Equal([title], await TitlesAsync($"REFERENCE {descriptionTag.ToUpperInvariant()}"));
        // Neither its title nor its description names Makassar: only its city does.
        Assert.Contains(title, await TitlesAsync("MAKASSAR"));
        Assert.Empty(await TitlesAsync($"{tag}pressure"));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_organization_directory_is_alphabetical_regardless_of_letter_case(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..10];
        foreach (var name in new[] { $"beta {tag}", $"Alpha {tag}", $"Gamma {tag}" })
        {
            await CreateProviderAsync(app, name, null);
        }

        var found = await NamesFoundAsync(app, $"/api/organizations?q={tag}");

        Assert.Equal([$"Alpha {tag}", $"beta {tag}", $"Gamma {tag}"], found);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Percent_and_underscore_in_a_search_match_only_themselves(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var literal = await CreateProviderAsync(app, $"Grid {tag} 100%_owned", null);
        await CreateProviderAsync(app, $"Grid {tag} 100 percent xowned", null);

        var percent = await NamesFoundAsync(app, $"/api/organizations?q={Uri.EscapeDataString($"{tag} 100%_o")}");
        var backslash = await NamesFoundAsync(app, $"/api/organizations?q={Uri.EscapeDataString($"{tag}\\")}");

        Assert.Equal([literal.Name], percent);
        Assert.Empty(backslash);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Solution_search_and_sector_filter_combine(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var provider = await CreateProviderAsync(app, Unique.Name("Solution owner"), null);
        var tag = Guid.NewGuid().ToString("N")[..10];
        foreach (var (name, sector) in new[] { ($"Meter {tag} water", "water"), ($"Meter {tag} energy", "energy") })
        {
            (await app.Staff.PostAsJsonAsync("/api/solutions", new SolutionInput { OrganizationId = provider.Id, Name = name, Sectors = [sector] }, AppFixture.Json)).EnsureSuccessStatusCode();
        }

        var found = await app.Client.GetFromJsonAsync<CollectionResponse<SolutionDto>>($"/api/solutions?q={tag.ToUpperInvariant()}&sector=energy", AppFixture.Json);

        Assert.Equal($"Meter {tag} energy", Assert.Single(found!.Items).Name);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_pages_of_one_search_list_every_match_once_in_order_under_one_total(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..10];
        string[] alphabetical = [$"alpha {tag}", $"Bravo {tag}", $"charlie {tag}", $"Delta {tag}", $"Echo {tag}"];
        foreach (var name in alphabetical.Reverse())
        {
            await CreateProviderAsync(app, name, null);
        }

        var pages = new List<CollectionResponse<OrganizationDto>>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add((await app.Client.GetFromJsonAsync<CollectionResponse<OrganizationDto>>($"/api/organizations?q={tag}&pageSize=2&page={page}", AppFixture.Json))!);
        }

        Assert.All(pages, page => Assert.Equal(alphabetical.Length, page.Total));
        Assert.Equal([2, 2, 1, 0], pages.Select(page => page.Items.Count));
        Assert.Equal(alphabetical, pages.SelectMany(page => page.Items).Select(o => o.Name));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_directory_page_read_before_an_edit_shows_the_edit_when_read_again(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var query = $"/api/organizations?q={tag}&sector=water";
        var first = await CreateProviderAsync(app, $"First {tag}", null);
        var before = await NamesFoundAsync(app, query);

        var second = await CreateProviderAsync(app, $"Second {tag}", null);
        var afterCreate = await NamesFoundAsync(app, query);
        var rename = await app.Staff.PutAsJsonAsync($"/api/organizations/{first.Id}", new OrganizationInput
        {
            Name = $"Renamed {tag}",
            Kind = OrganizationKind.Provider,
            CountryCode = "US",
            Sectors = ["water"],
            Version = first.Version,
        }, AppFixture.Json);
        var afterRename = await NamesFoundAsync(app, query);

        Assert.Equal([first.Name], before);
        Assert.Equal([first.Name, second.Name], afterCreate);
        rename.EnsureSuccessStatusCode();
        Assert.Equal([$"Renamed {tag}", second.Name], afterRename);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_unpublished_project_stays_out_of_the_public_directory_after_staff_listed_it(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var cityId = (await app.Client.GetFromJsonAsync<CollectionResponse<CityBridge.Web.Features.Cities.CityDto>>("/api/cities?q=makassar", AppFixture.Json))!.Items.Single().Id;
        (await app.Staff.PostAsJsonAsync("/api/projects", new CityBridge.Web.Features.Projects.ProjectInput
        {
            CityId = cityId,
            Title = $"Draft project {tag}",
            Sectors = ["water"],
            Stage = ProjectStage.Idea,
            IsPublished = false,
        }, AppFixture.Json)).EnsureSuccessStatusCode();

        var staffView = await app.Staff.GetFromJsonAsync<CollectionResponse<CityBridge.Web.Features.Projects.ProjectDto>>($"/api/projects?q={tag}", AppFixture.Json);
        var publicView = await app.Client.GetFromJsonAsync<CollectionResponse<CityBridge.Web.Features.Projects.ProjectDto>>($"/api/projects?q={tag}", AppFixture.Json);

        Assert.Single(staffView!.Items);
        Assert.Empty(publicView!.Items);
    }
}
