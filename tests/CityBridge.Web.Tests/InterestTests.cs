using CityBridge.Testing;
using CityBridge.Web.Features.Interests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class InterestTests(AppFixture apps)
{
    private static Dictionary<string, string> Form(string email, bool consent = true, string? honeypot = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.FullName"] = "Jordan Lee",
            ["Input.Email"] = email,
            ["Input.OrganizationName"] = "Harborlight Sensors",
            ["Input.Kind"] = "Company",
            ["Input.Sectors"] = "water",
            ["Input.Markets"] = "VN",
            ["Input.Message"] = "We look for a pilot city for our flood sensors.",
        };
        if (consent)
        {
            fields["Input.Consent"] = "true";
        }

        if (honeypot is not null)
        {
            fields["Input.Website"] = honeypot;
        }

        return fields;
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_visitor_registers_interest_with_consent_and_gets_a_confirmation_email(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = $"{Guid.NewGuid():N}@harborlight.example";
        using var browser = new FormPost(app.BaseAddress);

        var (_, html) = await browser.SubmitAsync("/Interest", Form(email));

        Assert.Contains("We received your request", html);
        await using var db = app.NewDb();
        var stored = await db.Interests.Include(i => i.History).SingleAsync(i => i.Email == email);
        Assert.Equal(InterestInput.PrivacyText, stored.ConsentText);
        Assert.Equal(["water"], stored.Sectors);
        Assert.Equal(["VN"], stored.Markets);
        Assert.Equal(InterestStatus.New, stored.Status);
        Assert.Equal("Received", Assert.Single(stored.History).Action);
        Assert.Contains("We received your interest", await db.Outbox.Where(m => m.To == email).Select(m => m.Subject).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Without_consent_the_form_says_why_and_stores_nothing(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = $"{Guid.NewGuid():N}@harborlight.example";
        using var browser = new FormPost(app.BaseAddress);

        var (_, html) = await browser.SubmitAsync("/Interest", Form(email, consent: false));

        Assert.Contains("We can only keep your request if you agree to the privacy notice.", html);
        await using var db = app.NewDb();
        Assert.False(await db.Interests.AnyAsync(i => i.Email == email));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Simultaneous_requests_from_one_address_store_no_more_than_the_daily_limit(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var eager = $"{Guid.NewGuid():N}@eager.example";

        // As two instances behind a proxy would: separate requests, each with its own database context, at the same moment.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var input = new InterestInput { FullName = "Jordan Lee", Email = eager, OrganizationName = "Harborlight Sensors", Message = "We look for a pilot city for our flood sensors.", Consent = true };
            await scope.ServiceProvider.GetRequiredService<InterestIntake>().SubmitAsync(input, CancellationToken.None);
        }));

        await using var db = app.NewDb();
        Assert.Equal(InterestIntake.PerAddressPerDay, await db.Interests.CountAsync(i => i.Email == eager));
        Assert.Equal(InterestIntake.PerAddressPerDay, await db.Outbox.CountAsync(m => m.To == eager));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_filled_honeypot_or_a_fourth_request_in_a_day_is_thanked_but_not_stored(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var bot = $"{Guid.NewGuid():N}@bot.example";
        var eager = $"{Guid.NewGuid():N}@eager.example";
        using var browser = new FormPost(app.BaseAddress);

        var (_, botPage) = await browser.SubmitAsync("/Interest", Form(bot, honeypot: "http://spam.example"));
        for (var i = 0; i < InterestIntake.PerAddressPerDay + 1; i++)
        {
            await browser.SubmitAsync("/Interest", Form(eager));
        }

        Assert.Contains("We received your request", botPage);
        await using var db = app.NewDb();
        Assert.False(await db.Interests.AnyAsync(i => i.Email == bot));
        Assert.Equal(InterestIntake.PerAddressPerDay, await db.Interests.CountAsync(i => i.Email == eager));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task Staff_convert_an_interest_into_an_organization_and_a_contact_with_its_consent(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        var email = $"{Guid.NewGuid():N}@harborlight.example";
        using (var browser = new FormPost(app.BaseAddress))
        {
            await browser.SubmitAsync("/Interest", Form(email));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<InterestIntake>();
        var db = scope.ServiceProvider.GetRequiredService<Data.CityBridgeDb>();
        var interest = await db.Interests.AsNoTracking().SingleAsync(i => i.Email == email);

        var stale = await intake.TriageAsync(interest.Id, "assign", "staff@citybridge.example", null, interest.Version, CancellationToken.None);
        var refused = await intake.TriageAsync(interest.Id, "close", "someone@else", null, interest.Version, CancellationToken.None);
        var current = await db.Interests.AsNoTracking().SingleAsync(i => i.Id == interest.Id);
        var converted = await intake.TriageAsync(interest.Id, "convert", "staff@citybridge.example", "Met at the trade show", current.Version, CancellationToken.None);

        Assert.Null(stale);
        Assert.Contains("Somebody else", refused);
        Assert.Null(converted);
        var done = await db.Interests.AsNoTracking().Include(i => i.History).SingleAsync(i => i.Id == interest.Id);
        Assert.Equal(InterestStatus.Converted, done.Status);
        Assert.Equal(["Received", "Assigned", "Converted to contact"], done.History.OrderBy(h => h.Id).Select(h => h.Action));
        var contact = await db.Contacts.Include(c => c.Organization).SingleAsync(c => c.Id == done.ContactId);
        Assert.Equal(email, contact.Email);
        Assert.Equal(InterestInput.PrivacyText, contact.ConsentText);
        Assert.Equal("Harborlight Sensors", contact.Organization!.Name);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_interest_from_a_known_contact_is_flagged_as_a_duplicate(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var db = app.NewDb();
        var known = await db.Contacts.OrderBy(c => c.Id).FirstAsync();
        using var browser = new FormPost(app.BaseAddress);

        await browser.SubmitAsync("/Interest", Form(known.Email.ToUpperInvariant()));

        var stored = await db.Interests.OrderByDescending(i => i.Id).FirstAsync(i => i.Email == known.Email.ToUpperInvariant());
        Assert.Equal(known.Id, stored.DuplicateOfContactId);
    }
}
