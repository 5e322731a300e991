using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CityBridge.Web.Features.Email;

/// <summary>SMTP settings (section <c>Smtp</c>); without a host, messages stay in the outbox for staff to read.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "CityBridge <noreply@citybridge.example>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

public static class EmailOutbox
{
    /// <summary>Adds the message rendered from template <paramref name="template"/> (see <see cref="TextTemplate"/>) to the outbox.</summary>
    public static OutboxMessage Enqueue(this CityBridgeDb db, string to, string template, IReadOnlyDictionary<string, string> values, TimeProvider clock)
    {
        var text = TextTemplate.Render(template, values);
        return db.Enqueue(to, text.Subject, text.Body, clock);
    }

    /// <summary>Adds a message to the outbox; it is stored by the caller's next save, in the same transaction as the change.</summary>
    /// <remarks>The product's e-mail comes from templates through the other overload; this one is what it stores.</remarks>
    public static OutboxMessage Enqueue(this CityBridgeDb db, string to, string subject, string body, TimeProvider clock)
    {
        var message = new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = clock.GetUtcNow(),
            MessageId = $"{Guid.NewGuid():N}@citybridge",
        };
        db.Outbox.Add(message);
        return message;
    }
}

/// <summary>
/// Sends outbox messages over SMTP, one claim (lease) per message so that several instances never send one twice at once.
/// Delivery is at least once: a message is marked sent right after the server accepted it, and a stop request waits for
/// the message in flight, so only a crash (or a lost database) between the server's acceptance and that mark sends a
/// message again, with the same Message-ID; see docs/operations.md.
/// </summary>
public sealed class OutboxSender(DatabaseSettings database, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SmtpSettings> options, ILogger<OutboxSender> logger) : RepeatingPass(logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long one SMTP exchange (connect or send) may take; shorter than the lease, so a claim never runs out mid-send.</summary>
    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(60);

    private const int BatchSize = 50;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override string Name => "Outbox pass";

    protected override Task PassAsync(CancellationToken ct) => SendPendingAsync(options.Value, ct);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Host))
        {
            logger.LogInformation("No SMTP host configured (Smtp:Host): e-mail stays in the outbox, visible to staff at /Outbox");
            return Task.CompletedTask;
        }

        return base.ExecuteAsync(stoppingToken);
    }

    /// <summary>The wait before the next try after <paramref name="attempts"/> failed ones: 30 s, doubling, at most an hour.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>
    /// Sends the waiting messages, oldest first. <paramref name="ct"/> stops the pass between two messages, never in the
    /// middle of one: a message the server has accepted is always marked sent before the pass ends.
    /// </summary>
    public async Task<int> SendPendingAsync(SmtpSettings settings, CancellationToken ct)
    {
        await using var db = database.Create(clock, new Audit.SystemActor("outbox"));
        var now = clock.GetUtcNow();
        var candidates = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts)
            .OrderBy(m => m.Id).Take(BatchSize).Select(m => new { m.Id, m.LockedUntil }).ToListAsync(ct);
        var sent = 0;
        using var smtp = new SmtpClient { Timeout = (int)ExchangeTimeout.TotalMilliseconds };
        try
        {
            foreach (var candidate in candidates.Where(c => c.LockedUntil is null || c.LockedUntil < now))
            {
                ct.ThrowIfCancellationRequested();
                if (await SendOneAsync(db, smtp, settings, candidate.Id, candidate.LockedUntil))
                {
                    sent++;
                }
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                await DropConnectionAsync(smtp, quit: true);
            }
        }

        return sent;
    }

    /// <summary>Claims, sends and marks one message. Runs to the end once started, whatever the caller's stop request.</summary>
    private async Task<bool> SendOneAsync(CityBridgeDb db, SmtpClient smtp, SmtpSettings settings, long id, DateTimeOffset? leaseSeen)
    {
        using var exchange = new CancellationTokenSource(ExchangeTimeout);
        var now = clock.GetUtcNow();
        // Claim the message: only one sender's update matches the lease it saw.
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.SentAt == null && m.LockedUntil == leaseSeen)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + Lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), exchange.Token);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, exchange.Token);
        try
        {
            if (!smtp.IsConnected)
            {
                await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security, exchange.Token);
                if (!string.IsNullOrEmpty(settings.UserName))
                {
                    await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, exchange.Token);
                }
            }

            await smtp.SendAsync(ToMime(message, settings), exchange.Token);
        }
        catch (Exception ex)
        {
            // A permanent refusal (5xx) will not change by trying again: give up until staff retry.
            var permanent = ex is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 };
            logger.LogWarning(ex, "Sending outbox message {Id} failed{Permanent}", message.Id, permanent ? " permanently" : string.Empty);
            var givesUp = permanent || message.Attempts >= OutboxMessage.MaxAttempts;
            // A message given up holds no lease: that is what tells staff's retry it is not in flight.
            DateTimeOffset? retryAt = givesUp ? null : clock.GetUtcNow() + RetryDelay(message.Attempts);
            await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastError, Truncate(ex.Message))
                .SetProperty(m => m.LockedUntil, retryAt)
                .SetProperty(m => m.Attempts, m => givesUp ? OutboxMessage.MaxAttempts : m.Attempts), CancellationToken.None);
            if (ex is not SmtpCommandException)
            {
                // The connection's state is unknown after a transport failure: the next message starts on a new one.
                await DropConnectionAsync(smtp);
            }

            return false;
        }

        // The server has the message: record that now, even while the app is stopping, to keep the resend window small.
        await db.Outbox.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        return true;
    }

    private static async Task DropConnectionAsync(SmtpClient smtp, bool quit = false)
    {
        try
        {
            await smtp.DisconnectAsync(quit, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException or ObjectDisposedException)
        {
            // Already broken: the next ConnectAsync opens a new connection either way.
        }
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    /// <summary>
    /// Staff give a failed message a new set of tries. Only a message the sender gave up on (no lease) qualifies, so a
    /// retry never races a send in flight. Returns false when the message is not (or no longer) failed.
    /// </summary>
    public static async Task<bool> RetryAsync(CityBridgeDb db, long id, CancellationToken ct) =>
        await db.Outbox.Where(m => m.Id == id && m.SentAt == null && m.Attempts >= OutboxMessage.MaxAttempts && m.LockedUntil == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 0), ct) == 1;

    private static MimeMessage ToMime(OutboxMessage message, SmtpSettings settings)
    {
        var text = new TextPart("plain") { Text = message.Body };
        var mime = new MimeMessage { Subject = message.Subject, MessageId = message.MessageId, Body = message.Calendar is null ? text : WithCalendar(text, message.Calendar) };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    /// <summary>The text with the calendar file attached; METHOD:PUBLISH, so calendars import it as an update, not an invitation to answer.</summary>
    private static Multipart WithCalendar(TextPart text, string calendar)
    {
        var file = new TextPart("calendar")
        {
            Text = calendar,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "meeting.ics" },
            // Base64 keeps the file byte for byte: RFC 5545's CRLF line ends and folding survive every mail hop.
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        file.ContentType.Parameters.Add("method", "PUBLISH");
        file.ContentType.Charset = "utf-8";
        return new Multipart("mixed") { text, file };
    }
}
