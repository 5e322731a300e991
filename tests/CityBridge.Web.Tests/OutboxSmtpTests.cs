using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CityBridge.Testing;
using CityBridge.Web.Features.Email;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task Waiting_messages_are_delivered_once_over_SMTP_and_marked_sent()
    {
        var app = await apps.GetAsync(TestDatabase.Sqlite);
        var port = FreePort();
        var store = new CollectingStore();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var server = new SmtpServer.SmtpServer(options, services);
        using var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        var to = $"{Guid.NewGuid():N}@receiver.example";
        await using (var db = app.NewDb())
        {
            db.Enqueue(to, "Agenda changed", "Your meeting moved to 10:20.", TimeProvider.System);
            await db.SaveChangesAsync();
        }

        var sender = app.Services.GetRequiredService<OutboxSender>();
        var settings = new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None };
        await sender.SendPendingAsync(settings, CancellationToken.None);
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
