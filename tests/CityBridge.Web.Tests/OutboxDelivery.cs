using System.Text;
using CityBridge.Testing;
using CityBridge.Web.Features.Email;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CityBridge.Web.Tests;

/// <summary>Delivers what waits in an app's outbox over real SMTP, to the in-process server the caller reads.</summary>
public static class OutboxDelivery
{
    /// <summary>Sends every waiting message to a new <see cref="SmtpSink"/> and returns it (the caller disposes it).</summary>
    public static async Task<SmtpSink> DeliverAllAsync(TestApp app)
    {
        var sink = new SmtpSink();
        var sender = app.Services.GetRequiredService<OutboxSender>();
        var settings = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Security = SecureSocketOptions.None };
        for (var pass = 0; pass < 20 && await sender.SendPendingAsync(settings, CancellationToken.None) > 0; pass++)
        {
        }

        return sink;
    }

    /// <summary>
    /// The calendar file attached to a delivered notice, read as it travelled: one <c>text/calendar</c> part named
    /// <c>meeting.ics</c> with <c>method=PUBLISH</c>, checked by <see cref="IcsChecker"/>.
    /// </summary>
    public static IcsComponent AttachedCalendar(MimeMessage mail)
    {
        var file = Assert.Single(mail.Attachments.OfType<TextPart>(), a => a.ContentType.MimeType == "text/calendar");
        Assert.Equal(("meeting.ics", "PUBLISH"), (file.FileName, file.ContentType.Parameters["method"]));
        return IcsChecker.Parse(AsSent(file));
    }

    /// <summary>
    /// An attachment's text exactly as it travelled: its base64 decoded by hand. MimeKit's own decoding turns line ends
    /// into the platform's, which would hide whether the file kept the CRLF line ends RFC 5545 requires.
    /// </summary>
    private static string AsSent(MimePart part)
    {
        Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
        var encoded = part.Content?.Stream ?? throw new InvalidOperationException("The attachment has no content.");
        encoded.Position = 0;
        using var reader = new StreamReader(encoded, Encoding.ASCII, leaveOpen: true);
        return Encoding.UTF8.GetString(Convert.FromBase64String(reader.ReadToEnd()));
    }
}
