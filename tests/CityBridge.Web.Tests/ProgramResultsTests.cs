using System.Net;
using CityBridge.Core.Domain;
using CityBridge.Core.Programs;
using CityBridge.Testing;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Interests;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Programs;
using CityBridge.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Tests;

/// <summary>The program-side results: the dashboard's program filter and meetings chart, the period report, and invitations from the inbox.</summary>
[Collection(AppCollection.Name)]
public sealed class ProgramResultsTests(AppFixture apps)
{
    private sealed record Seeded(TradeProgram Program, int MeetingsHeld, decimal WonUsd);

    /// <summary>
    /// A program with three confirmed participants (two checked in) who brought one Philippine water project, a cancelled
    /// one, two held meetings (plus one cancelled and one unplaced) at its event, and on the project: a won follow-up of
    /// 400,000, an open follow-up of 250,000, and a won opportunity of 900,000 from before the program (not a follow-up).
    /// </summary>
    private static async Task<Seeded> SeedAsync(TestApp app)
    {
        await using var db = app.NewDb();
        var starts = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30));
        var program = new TradeProgram { Name = Unique.Name("Results workshop"), Kind = ProgramKind.Workshop, TimeZone = "Asia/Manila", StartDate = starts, EndDate = starts.AddDays(4), Sectors = ["water"], IsPublished = true };
        var cebu = await db.Cities.SingleAsync(c => c.Name == "Cebu City");
        var cityGovernment = new Organization { Name = Unique.Name("Cebu water office"), Kind = OrganizationKind.CityGovernment, CityId = cebu.Id, CountryCode = cebu.CountryCode };
        var project = new PriorityProject { City = cebu, Title = Unique.Name("Results project"), Sectors = ["water"] };
        db.AddRange(program, cityGovernment, project);
        await db.SaveChangesAsync();

        var now = DateTimeOffset.UtcNow;
        db.ProgramRegistrations.AddRange(new[] { RegistrationStatus.CheckedIn, RegistrationStatus.CheckedIn, RegistrationStatus.Approved, RegistrationStatus.Cancelled, RegistrationStatus.Waitlisted }
            .Select((status, i) => new ProgramRegistration { ProgramId = program.Id, UserId = $"results-{program.Id}-{i}", Email = $"r{i}@results.example", DisplayName = $"R{i}", ProjectId = i == 0 ? project.Id : null, Status = status, AppliedAt = now }));
        var matchmaking = new MatchmakingEvent { Name = Unique.Name("Results event"), TimeZone = "Asia/Manila", ProgramId = program.Id };
        db.Events.Add(matchmaking);
        await db.SaveChangesAsync();
        var city = new EventRegistration { EventId = matchmaking.Id, UserId = "results-city", DisplayName = "City", OrganizationId = cityGovernment.Id, RegisteredAt = now };
        var provider = new EventRegistration { EventId = matchmaking.Id, UserId = "results-provider", DisplayName = "Provider", RegisteredAt = now };
        db.EventRegistrations.AddRange(city, provider);
        await db.SaveChangesAsync();
        db.EventMeetings.AddRange(
            new EventMeeting { EventId = matchmaking.Id, FirstRegistrationId = provider.Id, SecondRegistrationId = city.Id, SlotIndex = 0, Table = 1, CreatedAt = now },
            new EventMeeting { EventId = matchmaking.Id, FirstRegistrationId = city.Id, SecondRegistrationId = provider.Id, SlotIndex = 1, Table = 1, CreatedAt = now },
            new EventMeeting { EventId = matchmaking.Id, FirstRegistrationId = city.Id, SecondRegistrationId = provider.Id, SlotIndex = 2, Table = 1, Cancelled = true, CreatedAt = now },
            new EventMeeting { EventId = matchmaking.Id, FirstRegistrationId = city.Id, SecondRegistrationId = provider.Id, CreatedAt = now });

        // One opportunity per provider and project.
        var providers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Provider).OrderBy(o => o.Id).Select(o => o.Id).Take(3).ToListAsync();
        var won = new Opportunity { ProviderId = providers[0], ProjectId = project.Id, Stage = OpportunityStage.Won, ValueUsd = 400_000m, WonOn = DateOnly.FromDateTime(DateTime.UtcNow), Products = "Leak sensors" };
        var open = new Opportunity { ProviderId = providers[1], ProjectId = project.Id, Stage = OpportunityStage.Proposal, ValueUsd = 250_000m };
        var earlier = new Opportunity { ProviderId = providers[2], ProjectId = project.Id, Stage = OpportunityStage.Won, ValueUsd = 900_000m, WonOn = starts.AddDays(-1), Products = "Meters" };
        db.Opportunities.AddRange(won, open, earlier);
        await db.SaveChangesAsync();
        await db.Opportunities.Where(o => o.Id == earlier.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, now.AddDays(-60)));
        return new Seeded(program, 2, 400_000m);
    }

    private static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_results_report_for_one_program_equals_the_hand_counted_figures_on_the_page_and_in_CSV(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var seeded = await SeedAsync(app);

        var html = WebUtility.HtmlDecode(await app.Staff.GetStringAsync($"/Dashboard/ProgramResults?program={seeded.Program.Id}"));
        var csv = Lines(await app.Staff.GetStringAsync($"/Dashboard/ProgramResults?handler=Csv&program={seeded.Program.Id}"));

        Assert.Contains(seeded.Program.Name, html);
        Assert.Equal("Program,Kind,Starts,Ends,Confirmed,CheckedIn,AttendanceRate,MeetingsHeld,FollowUpOpportunities,Won,ExportValueUsd", csv[0]);
        // Confirmed 3 (two checked in, one approved), 2 meetings held, follow-ups: the won 400,000 and the open proposal.
        Assert.StartsWith($"{seeded.Program.Name},workshop,", csv[1]);
        Assert.Equal(["3", "2", "0.667", "2", "2", "1", "400000.00"], csv[1].Split(',')[4..]);
        Assert.Equal("All programs,,,,3,2,0.667,2,2,1,400000.00", csv[2]);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_period_that_ends_before_it_starts_is_explained_beside_the_field_and_refused_as_CSV(TestDatabase database)
    {
        var app = await apps.GetAsync(database);

        var html = WebUtility.HtmlDecode(await app.Staff.GetStringAsync("/Dashboard/ProgramResults?from=2026-05-01&to=2026-04-01"));
        var csv = await app.Staff.GetAsync("/Dashboard/ProgramResults?handler=Csv&from=2026-05-01&to=2026-04-01");

        Assert.Contains("The period must end on or after its first day.", html);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Equal("application/problem+json", csv.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task The_dashboard_counts_meetings_per_program_and_filters_every_figure_by_program(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var seeded = await SeedAsync(app);
        var filter = $"program={seeded.Program.Id}";

        var meetings = Lines(await app.Staff.GetStringAsync($"/Dashboard?handler=Csv&chart=meetings-per-program&{filter}"));
        var philippineMeetings = Lines(await app.Staff.GetStringAsync($"/Dashboard?handler=Csv&chart=meetings-per-program&{filter}&country=PH"));
        var thaiMeetings = Lines(await app.Staff.GetStringAsync($"/Dashboard?handler=Csv&chart=meetings-per-program&{filter}&country=TH"));
        var sectors = Lines(await app.Staff.GetStringAsync($"/Dashboard?handler=Csv&chart=projects-by-sector&{filter}"));
        var exports = Lines(await app.Staff.GetStringAsync($"/Dashboard?handler=Csv&chart=exports-by-quarter&{filter}"));
        var page = WebUtility.HtmlDecode(await app.Staff.GetStringAsync($"/Dashboard?{filter}"));

        Assert.Equal(["label,Meetings", $"{seeded.Program.Name},{seeded.MeetingsHeld}"], meetings);
        Assert.Equal(meetings, philippineMeetings);
        Assert.Equal(["label,Meetings"], thaiMeetings);
        Assert.Equal(["label,Projects", "Water and wastewater,1"], sectors);
        // Both won contracts on the program's project count, the one before the program too: the filter selects projects, not dates.
        Assert.Equal(1_300_000m, exports.Skip(1).Sum(l => decimal.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("USD 1,300,000", page);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_invite_a_converted_interest_to_a_program_from_the_inbox_with_one_history_entry(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var seeded = await SeedAsync(app);
        var email = $"{Guid.NewGuid():N}@invitee.example";
        await using (var db = app.NewDb())
        {
            var contactOrg = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var contact = new Contact { OrganizationId = contactOrg, FullName = "Ari Invitee", Email = email };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            db.Interests.AddRange(
                new Interest { FullName = "Ari Invitee", Email = email, OrganizationName = "Invitee Co", Message = "Interested", ConsentText = "ok", ReceivedAt = DateTimeOffset.UtcNow, ContactId = contact.Id, Status = InterestStatus.Converted },
                new Interest { FullName = "Not Yet", Email = $"x{email}", OrganizationName = "Invitee Co", Message = "Interested", ConsentText = "ok", ReceivedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var check = app.NewDb();
        var converted = await check.Interests.AsNoTracking().SingleAsync(i => i.Email == email);
        var unconverted = await check.Interests.AsNoTracking().SingleAsync(i => i.Email == $"x{email}");
        var invited = await PostInviteAsync(app, converted, seeded.Program.Id);
        var refused = await PostInviteAsync(app, unconverted, seeded.Program.Id);
        var withoutProgram = await PostInviteAsync(app, (await check.Interests.AsNoTracking().SingleAsync(i => i.Id == converted.Id)), null);

        Assert.Contains("Invitation sent.", invited);
        Assert.Contains("Convert the request to a contact first", refused);
        Assert.Contains("Choose the program to invite them to.", withoutProgram);
        var messages = await check.Outbox.Where(m => m.To == email || m.To == $"x{email}").Select(m => m.Subject).ToListAsync();
        Assert.Contains(seeded.Program.Name, Assert.Single(messages));
        var history = await check.InterestEvents.Where(e => e.InterestId == converted.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([$"Invited to {seeded.Program.Name}"], history);
        Assert.Empty(await check.InterestEvents.Where(e => e.InterestId == unconverted.Id).ToListAsync());
    }

    private static async Task<string> PostInviteAsync(TestApp app, Interest interest, int? programId)
    {
        // A browser-like client: the page's antiforgery cookie and token, and the staff member's credentials.
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };
        browser.DefaultRequestHeaders.Authorization = app.Staff.DefaultRequestHeaders.Authorization;
        var page = await browser.GetStringAsync($"/Interests/Details/{interest.Id}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["version"] = interest.Version.ToString(), ["__RequestVerificationToken"] = token };
        if (programId is { } id)
        {
            fields["programId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var response = await browser.PostAsync($"/Interests/Details/{interest.Id}?handler=Invite", new FormUrlEncodedContent(fields));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
