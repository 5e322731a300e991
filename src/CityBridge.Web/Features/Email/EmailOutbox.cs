using CityBridge.Web.Data;
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
    /// <summary>Adds a message to the outbox; it is stored by the caller's next save, in the same transaction as the change.</summary>
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

/// <summary>Sends outbox messages over SMTP, one claim (lease) per message so that several instances never send one twice at once.</summary>
public sealed class OutboxSender(DatabaseSettings database, TimeProvider clock, Microsoft.Extensions.Options.IOptions<SmtpSettings> options, ILogger<OutboxSender> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            logger.LogInformation("No SMTP host configured (Smtp:Host): e-mail stays in the outbox, visible to staff at /Outbox");
            return;
        }

        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            try
            {
                await SendPendingAsync(settings, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox pass failed; retrying later");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SendPendingAsync(SmtpSettings settings, CancellationToken ct)
    {
        await using var db = database.Create(clock, new Audit.SystemActor("outbox"));
        var now = clock.GetUtcNow();
        var candidates = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.Id).Take(50).Select(m => new { m.Id, m.LockedUntil }).ToListAsync(ct);
        var sent = 0;
        using var smtp = new SmtpClient();
        foreach (var candidate in candidates.Where(c => c.LockedUntil is null || c.LockedUntil < now))
        {
            // Claim the message: only one sender's update matches the lease it saw.
            var claimed = await db.Outbox
                .Where(m => m.Id == candidate.Id && m.SentAt == null && m.LockedUntil == candidate.LockedUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + Lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue;
            }

            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == candidate.Id, ct);
            try
            {
                if (!smtp.IsConnected)
                {
                    await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
                    if (!string.IsNullOrEmpty(settings.UserName))
                    {
                        await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
                    }
                }

                await smtp.SendAsync(ToMime(message, settings), ct);
                await db.Outbox.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending outbox message {Id} failed", message.Id);
                await db.Outbox.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, ex.Message).SetProperty(m => m.LockedUntil, clock.GetUtcNow() + TimeSpan.FromSeconds(30)), ct);
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, ct);
        }

        return sent;
    }

    private static MimeMessage ToMime(OutboxMessage message, SmtpSettings settings)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = message.MessageId, Body = new TextPart("plain") { Text = message.Body } };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }
}
