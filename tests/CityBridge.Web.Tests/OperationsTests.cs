using System.Net;
using System.Net.Http.Json;
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

    [Fact]
    public async Task The_app_measures_scheduler_runs_and_the_outbox_depth_on_its_CityBridge_meter()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var measured = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Features.Telemetry.CityBridgeMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.Start();
        var created = await app.Staff.PostAsJsonAsync("/api/events", new Features.Events.EventInput
        {
            Name = Unique.Name("Metrics"),
            TimeZone = "Asia/Manila",
            Sessions = [new Features.Events.SessionInput("Morning", new DateOnly(2027, 1, 5), new TimeOnly(9, 0), new TimeOnly(10, 0))],
        }, AppFixture.Json);
        var eventId = (await created.Content.ReadFromJsonAsync<Features.Events.EventDto>(AppFixture.Json))!.Id;

        await app.Staff.PostAsJsonAsync($"/api/events/{eventId}/schedule", new Features.Events.ScheduleInput(2, false), AppFixture.Json);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!measured.ContainsKey("citybridge.scheduler.run.duration") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        listener.RecordObservableInstruments();

        Assert.True(measured.ContainsKey("citybridge.scheduler.run.duration"), "a scheduler run is measured");
        Assert.True(measured.TryGetValue("citybridge.outbox.depth", out var depth) && depth >= 0, "the outbox depth is observable");
    }
}
