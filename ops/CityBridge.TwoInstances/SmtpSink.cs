using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CityBridge.TwoInstances;

/// <summary>A real SMTP server on a loopback port that counts every delivered message by its Message-Id.</summary>
public sealed partial class SmtpSink : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SmtpSink(int port)
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>How many times each Message-Id arrived.</summary>
    public ConcurrentDictionary<string, int> Delivered { get; } = new();

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var id = MessageIdPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : $"(no Message-Id) {Guid.NewGuid()}";
        Delivered.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.FromResult(SmtpResponse.Ok);
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
            // stopped
        }

        _stop.Dispose();
    }

    [GeneratedRegex(@"^Message-Id:\s*<([^>]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdPattern();
}
