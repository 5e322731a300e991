using CityBridge.Web.Data;
using CityBridge.Web.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.My;

/// <summary>Settings of the workspace (section <c>My</c>): request expiry, the notice pass and the address used in links.</summary>
public sealed class MyOptions
{
    /// <summary>A meeting request not answered within this time expires, so it no longer blocks the pair.</summary>
    public TimeSpan RequestExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the notice pass expires requests and sends day-before agendas.</summary>
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The app's public address, for links in notices; taken from <c>CityBridge:PublicUrl</c>.</summary>
    public Uri PublicUrl { get; set; } = new("http://127.0.0.1:5080");
}

/// <summary>One kind of notice a user may switch off on /My/Notices.</summary>
public sealed record NoticeKind(string Name, string Label);

/// <summary>The notices of the workspace; each name is also its e-mail template in <c>Features/My/EmailTemplates</c>.</summary>
public static class NoticeKinds
{
    public const string RequestReceived = "meeting-request-received";
    public const string RequestAccepted = "meeting-request-accepted";
    public const string RequestDeclined = "meeting-request-declined";
    public const string RequestExpired = "meeting-request-expired";
    public const string SchedulePublished = "schedule-published";
    public const string MeetingCancelled = "meeting-cancelled";
    public const string MeetingMoved = "meeting-moved";
    public const string DayBeforeAgenda = "day-before-agenda";
    public const string NewMessage = "new-message";
    public const string EventInvitation = "event-invitation";
    public const string RegistrationDecision = "registration-decision";

    public static IReadOnlyList<NoticeKind> All { get; } =
    [
        new(RequestReceived, "Someone asks to meet you at an event"),
        new(RequestAccepted, "Your meeting request was accepted"),
        new(RequestDeclined, "Your meeting request was declined"),
        new(RequestExpired, "A meeting request expired without an answer"),
        new(SchedulePublished, "The meeting schedule of your event is published"),
        new(MeetingCancelled, "One of your meetings was cancelled"),
        new(MeetingMoved, "One of your meetings moved or got its time"),
        new(DayBeforeAgenda, "Your agenda, the day before an event"),
        new(NewMessage, "A new message in one of your conversations"),
        new(EventInvitation, "An invitation to meet at an event"),
        new(RegistrationDecision, "A decision on your program registration: confirmed, waitlisted or a seat freed for you"),
    ];
}

/// <summary>A user a notice goes to.</summary>
public sealed record NoticeRecipient(string UserId, string Email, string Name);

/// <summary>One recipient's notice: its once-only key, its template values and, for a meeting, the calendar file sent with it.</summary>
public sealed record NoticeText(string Key, Dictionary<string, string> Values, string? Calendar = null);

/// <summary>Writes notices to the outbox, in the caller's transaction (its next save), once per key, for users who want them.</summary>
public static class Notices
{
    /// <summary>
    /// Queues notice <paramref name="kind"/> to each of <paramref name="userIds"/> that has an e-mail address and has not
    /// switched the kind off; <paramref name="compose"/> gives each one's key, template values and calendar file. One query finds the
    /// recipients, one the keys already written. Returns the number queued.
    /// </summary>
    public static async Task<int> QueueAsync(
        CityBridgeDb db, IEnumerable<string> userIds, string kind,
        Func<NoticeRecipient, NoticeText> compose, TimeProvider clock, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        var recipients = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Email != null && !db.NoticeOptOuts.Any(o => o.UserId == u.Id && o.Kind == kind))
            .Select(u => new NoticeRecipient(u.Id, u.Email!, u.FullName)).ToListAsync(ct);
        var composed = recipients.Select(r => (Recipient: r, Notice: compose(r))).ToList();
        var keys = composed.Select(c => c.Notice.Key).ToList();
        var written = (await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.NoticeKey!)).Select(m => m.NoticeKey!).ToListAsync(ct)).ToHashSet();
        // Notices added earlier in this unit of work count too.
        written.UnionWith(db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.NoticeKey).OfType<string>());
        var queued = 0;
        foreach (var (recipient, (key, values, calendar)) in composed.Where(c => !written.Contains(c.Notice.Key)))
        {
            values.TryAdd("name", string.IsNullOrWhiteSpace(recipient.Name) ? "there" : recipient.Name);
            var message = db.Enqueue(recipient.Email, kind, values, clock);
            message.NoticeKey = key;
            message.Calendar = calendar;
            queued++;
        }

        return queued;
    }

    /// <summary>Those of <paramref name="userIds"/> who switched <paramref name="kind"/> off, for mail sent outside <see cref="QueueAsync"/>.</summary>
    public static async Task<HashSet<string>> SwitchedOffAsync(CityBridgeDb db, IReadOnlyCollection<string> userIds, string kind, CancellationToken ct) =>
        (await db.NoticeOptOuts.AsNoTracking().Where(o => o.Kind == kind && userIds.Contains(o.UserId)).Select(o => o.UserId).ToListAsync(ct)).ToHashSet();

    /// <summary>The kinds the user switched off.</summary>
    public static async Task<HashSet<string>> OptOutsAsync(CityBridgeDb db, string userId, CancellationToken ct) =>
        (await db.NoticeOptOuts.AsNoTracking().Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync(ct)).ToHashSet();

    /// <summary>Saves the user's choice: the kinds in <paramref name="wanted"/> on, every other known kind off.</summary>
    public static async Task SaveChoicesAsync(CityBridgeDb db, string userId, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        var current = await db.NoticeOptOuts.Where(o => o.UserId == userId).ToListAsync(ct);
        db.NoticeOptOuts.RemoveRange(current.Where(o => wanted.Contains(o.Kind)));
        var off = NoticeKinds.All.Select(k => k.Name).Where(k => !wanted.Contains(k) && current.All(o => o.Kind != k));
        db.NoticeOptOuts.AddRange(off.Select(k => new NoticeOptOut { UserId = userId, Kind = k }));
        await db.SaveChangesAsync(ct);
    }
}
