using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CityBridge.Testing;

/// <summary>
/// A real SMTP server in this process on a loopback port (a free one unless given), keeping every message it accepts:
/// for the outbox tests and for the two-instances proof (ops/CityBridge.TwoInstances), which counts deliveries.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    /// <summary>
    /// Decides the answer to each message before it is stored: null accepts it; a response refuses it (nothing is kept).
    /// Runs after the server has read the whole message, like a real server's checks.
    /// </summary>
    public Func<MimeMessage, SmtpResponse?>? Answer { get; set; }

    /// <summary>Called after a message was accepted and kept, before the client hears the acceptance.</summary>
    public Action<MimeMessage>? Accepted { get; set; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public int Port { get; }

    public SmtpSink(int? port = null)
    {
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>The messages accepted for recipients at <paramref name="domain"/>.</summary>
    public List<MimeMessage> To(string domain) =>
        Messages.Where(m => m.To.Mailboxes.Any(a => a.Address.EndsWith("@" + domain, StringComparison.Ordinal))).ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (sink.Answer?.Invoke(message) is { } refusal)
            {
                return refusal;
            }

            sink.Messages.Enqueue(message);
            sink.Accepted?.Invoke(message);
            return SmtpResponse.Ok;
        }
    }
}
