using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CityBridge.Core.Programs;
using CityBridge.Testing;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Programs;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmtpServer.Protocol;

namespace CityBridge.Web.Tests;

/// <summary>The outbox worker talks real SMTP to an in-process server on a loopback port.</summary>
[Collection(AppCollection.Name)]
public sealed class OutboxSmtpTests(AppFixture apps)
{
    /// <summary>The clock of a restarted sender: later than the real one by <see cref="Ahead"/>, so retry delays have passed.</summary>
    private sealed class LaterClock : TimeProvider
    {
        public TimeSpan Ahead { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
    }

    private static SmtpSettings SettingsFor(SmtpSink sink) => new() { Host = "127.0.0.1", Port = sink.Port, Security = SecureSocketOptions.None };

    /// <summary>A sender as a fresh process would build it: nothing in memory, only the database.</summary>
    private static OutboxSender NewSender(TestApp app, TimeProvider clock) =>
        new(app.Services.GetRequiredService<DatabaseSettings>(), clock, Options.Create(new SmtpSettings()), NullLogger<OutboxSender>.Instance);

    private static async Task<List<string>> EnqueueAsync(TestApp app, string domain, int count)
    {
        await using var db = app.NewDb();
        var ids = Enumerable.Range(1, count)
            .Select(i => db.Enqueue($"person{i}@{domain}", $"Agenda {i}", $"Your meeting {i} moved to 10:20.", TimeProvider.System).MessageId)
            .ToList();
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Runs passes until one sends nothing: every message that may be sent now has been (other tests' too).</summary>
    private static async Task DrainAsync(OutboxSender sender, SmtpSettings settings)
    {
        for (var pass = 0; pass < 50 && await sender.SendPendingAsync(settings, CancellationToken.None) > 0; pass++)
        {
        }
    }

    [Fact]
    public async Task Waiting_messages_are_delivered_once_over_SMTP_and_marked_sent()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        await using var sink = new SmtpSink();
        var domain = $"{Guid.NewGuid():N}.example";
        var ids = await EnqueueAsync(app, domain, 1);

        var sender = app.Services.GetRequiredService<OutboxSender>();
        await sender.SendPendingAsync(SettingsFor(sink), CancellationToken.None);
        await sender.SendPendingAsync(SettingsFor(sink), CancellationToken.None);

        var delivered = Assert.Single(sink.To(domain));
        Assert.Equal("Agenda 1", delivered.Subject);
        Assert.Equal(ids[0], delivered.MessageId);
        await using var check = app.NewDb();
        var message = await check.Outbox.SingleAsync(m => m.MessageId == ids[0]);
        Assert.NotNull(message.SentAt);
        Assert.Equal(1, message.Attempts);
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_sender_stopped_mid_batch_and_restarted_delivers_every_message_exactly_once(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var sink = new SmtpSink();
        var domain = $"{Guid.NewGuid():N}.example";
        // Other tests' waiting messages go first, so that the stop below falls in the middle of this test's batch.
        await DrainAsync(NewSender(app, TimeProvider.System), SettingsFor(sink));
        var ids = await EnqueueAsync(app, domain, 6);
        using var stop = new CancellationTokenSource();
        // The stop request arrives while the third message is on the wire, after the server took it.
        sink.Accepted = m => { if (sink.To(domain).Count == 3) { stop.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewSender(app, TimeProvider.System).SendPendingAsync(SettingsFor(sink), stop.Token));
        var deliveredBeforeRestart = sink.To(domain).Count;
        sink.Accepted = null;
        await DrainAsync(NewSender(app, TimeProvider.System), SettingsFor(sink));

        Assert.Equal(3, deliveredBeforeRestart);
        var delivered = sink.To(domain).Select(m => m.MessageId).ToList();
        Assert.Equal(ids.Order(), delivered.Order());
        await using var db = app.NewDb();
        var stored = await db.Outbox.Where(m => ids.Contains(m.MessageId)).ToListAsync();
        Assert.All(stored, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task An_SMTP_failure_mid_batch_delays_only_that_message_and_a_restarted_sender_delivers_it_once(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var sink = new SmtpSink();
        var domain = $"{Guid.NewGuid():N}.example";
        var ids = await EnqueueAsync(app, domain, 5);
        var refusedOnce = new HashSet<string>();
        sink.Answer = m => m.MessageId == ids[2] && refusedOnce.Add(m.MessageId)
            ? new SmtpResponse((SmtpReplyCode)451, "Mailbox busy, try later")
            : null;

        await DrainAsync(NewSender(app, TimeProvider.System), SettingsFor(sink));
        var afterFirstRun = sink.To(domain).Select(m => m.MessageId).ToList();
        await using (var db = app.NewDb())
        {
            var failing = await db.Outbox.SingleAsync(m => m.MessageId == ids[2]);
            Assert.Equal(OutboxStatus.Retrying, failing.Status);
            Assert.Contains("Mailbox busy", failing.LastError);
        }

        // A restart after the retry delay: the new process finds the message waiting and sends it.
        await DrainAsync(NewSender(app, new LaterClock { Ahead = OutboxSender.RetryDelay(1) + TimeSpan.FromSeconds(1) }), SettingsFor(sink));

        Assert.Equal(ids.Where((_, i) => i != 2).Order(), afterFirstRun.Order());
        Assert.Equal(ids.Order(), sink.To(domain).Select(m => m.MessageId).Order());
        await using var check = app.NewDb();
        var resent = await check.Outbox.SingleAsync(m => m.MessageId == ids[2]);
        Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (resent.Status, resent.Attempts, resent.LastError));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_message_claimed_by_a_sender_that_died_is_sent_by_another_once_the_lease_ran_out(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var sink = new SmtpSink();
        var domain = $"{Guid.NewGuid():N}.example";
        var ids = await EnqueueAsync(app, domain, 1);
        await using (var db = app.NewDb())
        {
            // What a sender leaves behind when its process dies after claiming a message.
            await db.Outbox.Where(m => m.MessageId == ids[0])
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 1).SetProperty(m => m.LockedUntil, DateTimeOffset.UtcNow.AddMinutes(2)));
        }

        await DrainAsync(NewSender(app, TimeProvider.System), SettingsFor(sink));
        var deliveredDuringLease = sink.To(domain).Count;
        await DrainAsync(NewSender(app, new LaterClock { Ahead = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5) }), SettingsFor(sink));

        Assert.Equal(0, deliveredDuringLease);
        Assert.Equal(ids[0], Assert.Single(sink.To(domain)).MessageId);
        await using var check = app.NewDb();
        var message = await check.Outbox.SingleAsync(m => m.MessageId == ids[0]);
        Assert.Equal((OutboxStatus.Sent, 2), (message.Status, message.Attempts));
    }

    [Theory]
    [MemberData(nameof(AppFixture.Databases), MemberType = typeof(AppFixture))]
    public async Task A_permanent_refusal_fails_the_message_and_staff_retry_it_from_the_outbox_page(TestDatabase database)
    {
        var app = await apps.GetAsync(database);
        await using var sink = new SmtpSink();
        var domain = $"{Guid.NewGuid():N}.example";
        var ids = await EnqueueAsync(app, domain, 1);
        sink.Answer = _ => new SmtpResponse((SmtpReplyCode)550, "No such user here");
        await DrainAsync(NewSender(app, TimeProvider.System), SettingsFor(sink));
        await using var db = app.NewDb();
        var failed = await db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == ids[0]);
        var deliveredBeforeRetry = sink.To(domain).Count;

        var outbox = WebUtility.HtmlDecode(await app.Staff.GetStringAsync("/Outbox"));
        sink.Answer = null;
        var (retry, html) = await FormPost.AsAsync(app.Staff, "/Outbox", "/Outbox?handler=Retry", new Dictionary<string, string> { ["id"] = failed.Id.ToString(CultureInfo.InvariantCulture) });
        await DrainAsync(NewSender(app, TimeProvider.System), SettingsFor(sink));

        Assert.Equal((OutboxStatus.Failed, OutboxMessage.MaxAttempts, 0), (failed.Status, failed.Attempts, deliveredBeforeRetry));
        Assert.Contains("Last error: No such user here", outbox);
        Assert.Contains("failed", outbox);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains("The message will be sent again", html);
        Assert.Equal(ids[0], Assert.Single(sink.To(domain)).MessageId);
        Assert.Equal(OutboxStatus.Sent, (await db.Outbox.AsNoTracking().SingleAsync(m => m.MessageId == ids[0])).Status);
    }

    [Fact]
    public async Task The_outbox_page_pages_through_the_messages_newest_first()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var domain = $"{Guid.NewGuid():N}.example";
        await EnqueueAsync(app, domain, Features.Outbox.IndexModel.PageSize + 1);

        var first = WebUtility.HtmlDecode(await app.Staff.GetStringAsync("/Outbox"));
        var second = WebUtility.HtmlDecode(await app.Staff.GetStringAsync("/Outbox?page=2"));

        Assert.Contains($"person{Features.Outbox.IndexModel.PageSize + 1}@{domain}", first);
        Assert.DoesNotContain($"person1@{domain}", first);
        Assert.Contains($"person1@{domain}", second);
        Assert.Contains("Page 2 of", second);
    }

    [Fact]
    public async Task The_interest_confirmation_is_written_from_its_template_file()
    {
        var template = TextTemplate.Load(EmailTemplates.InterestReceived);
        var rendered = TextTemplate.Render(EmailTemplates.InterestReceived, new Dictionary<string, string>
        {
            ["PrivacyText"] = "the notice",
        });
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var email = $"{Guid.NewGuid():N}@visitor.example";
        using var form = new FormPost(app.BaseAddress);
        await form.SubmitAsync("/Interest", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Lan Nguyen",
            ["Input.Email"] = email,
            ["Input.OrganizationName"] = "Hue Water",
            ["Input.Kind"] = "City",
            ["Input.Message"] = "We look for leak detection partners.",
            ["Input.Consent"] = "true",
        });
        await using var db = app.NewDb();
        var stored = await db.Outbox.SingleAsync(m => m.To == email);

        Assert.StartsWith("Subject: We received your interest in CityBridge", template);
        Assert.Equal(rendered.Subject, stored.Subject);
        Assert.StartsWith("Hello,", stored.Body);
        Assert.Contains(Features.Interests.InterestInput.PrivacyText, stored.Body);
        Assert.All(EmailTemplates.All, name => Assert.StartsWith("Subject: ", TextTemplate.Load(name)));
    }

    [Fact]
    public async Task An_approved_registration_arrives_over_SMTP_with_the_templates_text()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        await using var sink = new SmtpSink();
        var name = Unique.Name("SMTP sector program");
        var created = await app.Staff.PostAsJsonAsync("/api/programs", new ProgramInput
        {
            Name = name,
            Kind = ProgramKind.SectorProgram,
            Place = "Hall 5",
            TimeZone = "Asia/Singapore",
            StartDate = new DateOnly(2027, 6, 1),
            EndDate = new DateOnly(2027, 6, 2),
            Sectors = ["water"],
            Capacity = 5,
            IsPublished = true,
        }, AppFixture.Json);
        var program = (await created.Content.ReadFromJsonAsync<ProgramDto>(AppFixture.Json))!;
        var provider = await app.ClientForAsync(AccountSeeder.DemoProviderEmail);
        var registration = (await (await provider.PostAsJsonAsync($"/api/programs/{program.Id}/registrations", new ApplyInput(null), AppFixture.Json)).Content.ReadFromJsonAsync<RegistrationView>(AppFixture.Json))!;
        Assert.Equal(HttpStatusCode.NoContent, (await app.Staff.PostAsync($"/api/programs/{program.Id}/registrations/{registration.Id}/approve", null)).StatusCode);

        await DrainAsync(NewSender(app, TimeProvider.System), SettingsFor(sink));

        var delivered = Assert.Single(sink.Messages, m => m.Subject == $"Your place is confirmed: {name}");
        Assert.Equal(AccountSeeder.DemoProviderEmail, delivered.To.Mailboxes.Single().Address);
        Assert.Contains($"Your registration for {name} is approved. We look forward to seeing you 1 Jun – 2 Jun 2027 at Hall 5.", delivered.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Programs/Details/{program.Id}", delivered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your registration for {{program}} is approved.", TextTemplate.Load("registration-approved"), StringComparison.Ordinal);
    }
}
