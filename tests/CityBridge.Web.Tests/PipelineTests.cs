using System.Net;
using System.Net.Http.Json;
using CityBridge.Core.Domain;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PipelineTests(AppFixture apps)
{
    private static async Task<(int Provider, int OtherProvider, int Project)> PickAsync(TestApp app, string providerName)
    {
        await using var db = app.NewDb();
        var provider = await db.Organizations.Where(o => o.Name == providerName).Select(o => o.Id).SingleAsync();
        var other = await db.Organizations.Where(o => o.Kind == OrganizationKind.Provider && o.Id != provider).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var taken = await db.Opportunities.Where(o => o.ProviderId == provider).Select(o => o.ProjectId).ToListAsync();
        var project = await db.Projects.Where(p => p.IsPublished && !taken.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return (provider, other, project);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_won_opportunity_without_value_date_or_products_is_refused_with_a_message_per_field(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (provider, _, project) = await PickAsync(app, "GridWise Energy");

        var response = await app.Staff.PostAsJsonAsync("/api/opportunities", new OpportunityInput { ProviderId = provider, ProjectId = project, Stage = OpportunityStage.Won }, AppFixture.Json);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("contract value", Assert.Single(problem!.Errors["valueUsd"]));
        Assert.Contains("date it was won", Assert.Single(problem.Errors["wonOn"]));
        Assert.Contains("what was sold", Assert.Single(problem.Errors["products"]), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_provider_sees_and_edits_only_its_own_pipeline(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (aquaSense, other, project) = await PickAsync(app, "AquaSense Analytics");
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var theirs = await app.Staff.PostAsJsonAsync("/api/opportunities", new OpportunityInput { ProviderId = other, ProjectId = project, Stage = OpportunityStage.Met }, AppFixture.Json);
        var theirsId = (await theirs.Content.ReadFromJsonAsync<OpportunityDto>(AppFixture.Json))!.Id;

        var mine = await provider.PostAsJsonAsync("/api/opportunities", new OpportunityInput { ProviderId = aquaSense, ProjectId = project, Stage = OpportunityStage.Proposal, ValueUsd = 900_000m }, AppFixture.Json);
        var forOther = await provider.PostAsJsonAsync("/api/opportunities", new OpportunityInput { ProviderId = other, ProjectId = project }, AppFixture.Json);
        var list = await provider.GetFromJsonAsync<CollectionResponse<OpportunityDto>>("/api/opportunities?pageSize=200", AppFixture.Json);

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.All(list!.Items, o => Assert.Equal(aquaSense, o.ProviderId));
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/opportunities/{theirsId}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_won_export_is_counted_once_on_the_dashboard_even_after_edits(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var (provider, _, project) = await PickAsync(app, "CivicShield Cyber");
        var before = await ExportsWonAsync(app);
        var won = new OpportunityInput { ProviderId = provider, ProjectId = project, Stage = OpportunityStage.Won, ValueUsd = 1_234_567m, WonOn = new DateOnly(2026, 8, 14), Products = "City SOC service" };

        var created = (await (await app.Staff.PostAsJsonAsync("/api/opportunities", won, AppFixture.Json)).Content.ReadFromJsonAsync<OpportunityDto>(AppFixture.Json))!;
        var edit = OpportunityInput.From(created);
        edit.Notes = "Signed at the trade show";
        var edited = await app.Staff.PutAsJsonAsync($"/api/opportunities/{created.Id}", edit, AppFixture.Json);
        var after = await ExportsWonAsync(app);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(before + 1_234_567m, after);
    }

    /// <summary>The dashboard's headline figure, and the same sum taken straight from the database.</summary>
    private static async Task<decimal> ExportsWonAsync(TestApp app)
    {
        var html = await app.Staff.GetStringAsync("/Dashboard");
        var shown = System.Text.RegularExpressions.Regex.Match(html, "id=\"exports-won\">USD ([0-9,]+)<").Groups[1].Value;
        await using var db = app.NewDb();
        var won = await db.Opportunities.Where(o => o.Stage == OpportunityStage.Won).Select(o => o.ValueUsd).ToListAsync();
        var expected = won.Sum(v => v ?? 0);
        Assert.Equal(expected, decimal.Parse(shown.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        return expected;
    }

    [Fact]
    public async Task Every_chart_downloads_its_figures_as_CSV()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);

        var csv = await app.Staff.GetStringAsync("/Dashboard?handler=Csv&chart=urban-population");
        var missing = await app.Staff.GetAsync("/Dashboard?handler=Csv&chart=nothing");

        var lines = csv.Trim().Split('\n');
        Assert.Equal("label,2025,2050", lines[0].Trim());
        Assert.Equal(11, lines.Length);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
