using System.Net;
using System.Net.Http.Json;
using CityBridge.Testing;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Reference;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ReferenceDataTests(AppFixture apps)
{
    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_ten_ASEAN_countries_are_served_with_their_urban_population_today_and_in_2050(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var countries = await app.Client.GetFromJsonAsync<CollectionResponse<CountryDto>>("/api/countries", AppFixture.Json);

        Assert.Equal(["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"], countries!.Items.Select(c => c.Code).Order());
        Assert.All(countries.Items, c => Assert.True(c.UrbanPopulation2050 > c.UrbanPopulationToday * 0.9, $"{c.Name}: 2050 should not be far below today"));
        var today = countries.Items.Sum(c => c.UrbanPopulationToday);
        var in2050 = countries.Items.Sum(c => c.UrbanPopulation2050);
        Assert.InRange(today, 280_000_000, 380_000_000);
        Assert.InRange(in2050, 450_000_000, 600_000_000);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_26_pilot_cities_of_the_ASEAN_Smart_Cities_Network_are_listed_with_time_zones(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var pilots = await app.Client.GetFromJsonAsync<CollectionResponse<CityDto>>("/api/cities?pilot=true&pageSize=100", AppFixture.Json);

        Assert.Equal(26, pilots!.Total);
        Assert.All(pilots.Items, c => Assert.NotNull(NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZone)));
        Assert.Contains(pilots.Items, c => c.Name == "Makassar" && c.CountryCode == "ID" && c.TimeZone == "Asia/Makassar");
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Cities_can_be_filtered_by_country_and_searched_by_name(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var vietnamese = await app.Client.GetFromJsonAsync<CollectionResponse<CityDto>>("/api/cities?country=vn", AppFixture.Json);
        var search = await app.Client.GetFromJsonAsync<CollectionResponse<CityDto>>("/api/cities?q=nang", AppFixture.Json);

        Assert.NotEmpty(vietnamese!.Items);
        Assert.All(vietnamese.Items, c => Assert.Equal("VN", c.CountryCode));
        Assert.Contains(search!.Items, c => c.Name == "Da Nang");
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Collections_are_paged_with_items_and_total(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var first = await app.Client.GetFromJsonAsync<CollectionResponse<CityDto>>("/api/cities?page=1&pageSize=5", AppFixture.Json);
        var second = await app.Client.GetFromJsonAsync<CollectionResponse<CityDto>>("/api/cities?page=2&pageSize=5", AppFixture.Json);

        Assert.Equal(5, first!.Items.Count);
        Assert.Equal(first.Total, second!.Total);
        Assert.Empty(first.Items.Select(c => c.Id).Intersect(second.Items.Select(c => c.Id)));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Health_reports_the_database_as_reachable(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var response = await app.Client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", body);
        Assert.Contains(database.ToString(), body);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_collection()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var document = await app.Client.GetStringAsync("/openapi/v1.json");
        var reference = await app.Client.GetAsync("/api/reference");

        foreach (var path in new[] { "/api/cities", "/api/organizations", "/api/contacts", "/api/solutions", "/api/projects", "/api/countries", "/api/sectors" })
        {
            Assert.Contains($"\"{path}\"", document);
        }

        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}
