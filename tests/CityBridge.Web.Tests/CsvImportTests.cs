using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityBridge.Testing;
using CityBridge.Web.Features.DataExchange;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class CsvImportTests(AppFixture apps)
{
    private static async Task<HttpResponseMessage> ImportAsync(TestApp app, string kind, string csv, bool dryRun = false) =>
        await app.Staff.PostAsync($"/api/import/{kind}?dryRun={dryRun}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_the_line_and_reason(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var good = Unique.Name("Good provider");
        var csv = $"""
            name,country,website,sectors,experienceCountries,standards,description
            {good},US,https://good.example.com,water,VN,ISO 24510,Leak detection
            {Unique.Name("Bad provider")},US,not a url,wter,VN,,Misspelled sector
            """;

        var response = await ImportAsync(app, "providers", csv);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rejected = Assert.Single(problem.GetProperty("rejectedRows").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());
        var reasons = rejected.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("wter"));
        Assert.Contains(reasons, r => r.StartsWith("website", StringComparison.Ordinal));
        await using var db = app.NewDb();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == good));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_good_file_is_imported_and_importing_it_again_updates_instead_of_duplicating(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var name = Unique.Name("Grid analytics");
        var csv = $"""
            name,country,website,sectors,experienceCountries,standards,description
            {name},US,https://grid.example.com,energy;connectivity,TH;MY,IEC 61850,"Grid sensors, analytics and outage maps"
            """;

        var first = await ImportAsync(app, "providers", csv);
        var second = await ImportAsync(app, "providers", csv.Replace("outage maps", "outage maps and demand response"));
        var report = await second.Content.ReadFromJsonAsync<ImportReport>(AppFixture.Json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, report!.Updated);
        Assert.Equal(0, report.Created);
        await using var db = app.NewDb();
        var stored = await db.Organizations.SingleAsync(o => o.Name == name);
        Assert.Equal(["energy", "connectivity"], stored.Sectors);
        Assert.Equal(["TH", "MY"], stored.ExperienceCountries);
        Assert.Equal("Grid sensors, analytics and outage maps and demand response", stored.Description);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_dry_run_checks_the_file_but_stores_nothing(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var name = Unique.Name("Dry run co");
        var csv = $"name,sectors\n{name},waste\n";

        var response = await ImportAsync(app, "providers", csv, dryRun: true);
        var report = await response.Content.ReadFromJsonAsync<ImportReport>(AppFixture.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report!.DryRun);
        Assert.Equal(1, report.Created);
        await using var db = app.NewDb();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == name));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Projects_name_their_city_and_bad_values_are_explained(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var title = Unique.Name("Flood early warning");
        var csv = $"""
            city,countryCode,title,sectors,stage,budgetUsd,startDate,endDate,standards,description,published
            Da Nang,VN,{title},environment;water,Planning,2500000,2027-01-01,2028-06-30,ISO 37120,Sensors on rivers,true
            Atlantis,VN,{Unique.Name("Lost")},water,Dreaming,lots,31/12/2027,,,,maybe
            """;

        var rejected = await ImportAsync(app, "projects", csv);
        var reasons = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync()).RootElement.GetProperty("rejectedRows")[0].GetProperty("reasons")
            .EnumerateArray().Select(r => r.GetString()!).ToList();
        var accepted = await ImportAsync(app, "projects", string.Join('\n', csv.Split('\n').Take(2)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Contains(reasons, r => r.StartsWith("city:", StringComparison.Ordinal) && r.Contains("Atlantis"));
        Assert.Contains(reasons, r => r.StartsWith("stage:", StringComparison.Ordinal) && r.Contains("Dreaming"));
        Assert.Contains(reasons, r => r.StartsWith("budgetUsd:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("startDate:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("published:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await using var db = app.NewDb();
        var stored = await db.Projects.Include(p => p.City).SingleAsync(p => p.Title == title);
        Assert.Equal("Da Nang", stored.City!.Name);
        Assert.Equal(2_500_000m, stored.BudgetUsd);
        Assert.Equal(new DateOnly(2028, 6, 30), stored.EndDate);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_export_can_be_imported_again_unchanged(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        foreach (var kind in new[] { "providers", "solutions", "projects" })
        {
            var exported = await app.Staff.GetStringAsync($"/api/export/{kind}");
            var response = await ImportAsync(app, kind, exported, dryRun: true);
            var report = await response.Content.ReadFromJsonAsync<ImportReport>(AppFixture.Json);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, report!.Created);
            Assert.Equal(report.RowsRead, report.Updated);
            Assert.True(report.RowsRead > 0, $"the demo data has {kind}");
        }
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_at_line_1()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var response = await ImportAsync(app, "solutions", "name,description\nX,Y\n");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("provider", body);
        Assert.Contains("\"line\":1", body);
    }
}
