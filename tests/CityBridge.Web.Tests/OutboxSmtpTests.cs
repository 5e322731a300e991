using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using CityBridge.Core.Programs;
using CityBridge.Testing;
using CityBridge.Web.Features.Accounts;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Programs;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CityBridge.Web.Tests;

/// <summary>The outbox worker talks real SMTP to an in-process server on a loopback port.</summary>
[Collection(AppCollection.Name)]
public sealed class OutboxSmtpTests(AppFixture apps)
{
    private sealed class CollectingStore : MessageStore
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Messages.Enqueue(Encoding.UTF8.GetString(buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the in-process SMTP server on a free loopback port; cancel the token to stop it.</summary>
    private static (CollectingStore Store, SmtpSettings Settings) StartServer(CancellationToken stop)
    {
        var port = FreePort();
        var store = new CollectingStore();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(stop);
        return (store, new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None });
    }

    [Fact]
    public async Task An_approved_registration_arrives_over_SMTP_with_the_templates_text()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        using var stop = new CancellationTokenSource();
        var (store, settings) = StartServer(stop.Token);
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

        var sender = app.Services.GetRequiredService<OutboxSender>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        MimeMessage? delivered = null;
        while (delivered is null && DateTime.UtcNow < deadline && await sender.SendPendingAsync(settings, CancellationToken.None) >= 0)
        {
            delivered = store.Messages.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m)))).FirstOrDefault(m => m.Subject == $"Your place is confirmed: {name}");
        }

        await stop.CancelAsync();
        Assert.NotNull(delivered);
        Assert.Equal(AccountSeeder.DemoProviderEmail, delivered.To.Mailboxes.Single().Address);
        Assert.Contains($"Your registration for {name} is approved. We look forward to seeing you 1 Jun – 2 Jun 2027 at Hall 5.", delivered.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Programs/Details/{program.Id}", delivered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your registration for {{program}} is approved.", TextTemplate.Load("registration-approved"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_messages_are_delivered_once_over_SMTP_and_marked_sent()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        using var stop = new CancellationTokenSource();
        var (store, settings) = StartServer(stop.Token);
        var to = $"{Guid.NewGuid():N}@receiver.example";
        await using (var db = app.NewDb())
        {
            db.Enqueue(to, "Agenda changed", "Your meeting moved to 10:20.", TimeProvider.System);
            await db.SaveChangesAsync();
        }

        var sender = app.Services.GetRequiredService<OutboxSender>();
        // Other suites leave messages waiting: send until the queue is empty, twice over.
        while (await sender.SendPendingAsync(settings, CancellationToken.None) > 0)
        {
        }

        await sender.SendPendingAsync(settings, CancellationToken.None);

        await stop.CancelAsync();
        var delivered = store.Messages.Where(m => m.Contains(to, StringComparison.Ordinal)).ToList();
        Assert.Single(delivered);
        Assert.Contains("Subject: Agenda changed", delivered[0]);
        await using var check = app.NewDb();
        var message = await check.Outbox.SingleAsync(m => m.To == to);
        Assert.NotNull(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Contains(message.MessageId, delivered[0]);
    }
}
