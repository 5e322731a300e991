using System.Net;
using System.Text.Json.Nodes;
using CityBridge.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class OperationsTests(AppFixture apps)
{
    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Two_instances_on_one_database_share_the_data_protection_keys(TestDatabase database)
    {
        var first = await apps.GetAsync(database);
        await using var second = await TestApp.StartAsync(database, demoData: false, new Dictionary<string, string?>
        {
            ["ConnectionStrings:CityBridge"] = first.ConnectionString,
            ["Matching:Enabled"] = "false",
        });

        // What one instance protects (cookies, anti-forgery tokens, reset links) the other can read.
        var token = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("operations-test").Protect("signed in at instance A");
        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("operations-test").Unprotect(token);

        Assert.Equal("signed in at instance A", read);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Readiness_reports_the_database_and_the_applied_migrations(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var response = await app.Client.GetAsync("/health/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal(["database", "migrations"], body["checks"]!.AsArray().Select(c => (string?)c!["name"]).Order());
    }
}
