using System.Globalization;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CityBridge.Web.Features.My;

/// <summary>
/// The notices of matchmaking events. The event workflow calls these before its save, so each notice commits with the
/// change that caused it; keys make each one once-only.
/// </summary>
public sealed class MeetingNotices(CityBridgeDb db, TimeProvider clock, IOptions<MyOptions> options)
{
    private Uri Root => options.Value.PublicUrl;

    private string Link(string path) => new Uri(Root, path).ToString();

    /// <summary>The recipient of a new request hears who asks and until when it stays open.</summary>
    public async Task RequestReceivedAsync(MeetingRequest request, CancellationToken ct)
    {
        var (e, from, to) = await PartiesAsync(request, ct);
        var expires = (request.CreatedAt + options.Value.RequestExpiry).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        await Notices.QueueAsync(db, [to.UserId], NoticeKinds.RequestReceived, _ => new(
            $"request-received:{request.EventId}:{request.FromRegistrationId}:{request.ToRegistrationId}",
            new Dictionary<string, string>
            {
                ["from"] = EventWorkflow.Label(from),
                ["event"] = e.Name,
                ["expires"] = expires,
                ["link"] = Link("/My"),
                ["message"] = request.Message is null ? string.Empty : $"\nTheir note: {request.Message}\n",
            }), clock, ct);
    }

    /// <summary>The requester hears the answer (accepted, declined or expired).</summary>
    public async Task AnsweredAsync(MeetingRequest request, CancellationToken ct)
    {
        var kind = request.Status switch
        {
            MeetingRequestStatus.Accepted => NoticeKinds.RequestAccepted,
            MeetingRequestStatus.Declined => NoticeKinds.RequestDeclined,
            MeetingRequestStatus.Expired => NoticeKinds.RequestExpired,
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        var (e, from, to) = await PartiesAsync(request, ct);
        await Notices.QueueAsync(db, [from.UserId], kind, _ => new(
            $"{kind}:{request.Id}",
            new Dictionary<string, string> { ["to"] = EventWorkflow.Label(to), ["event"] = e.Name, ["link"] = Link("/My") }), clock, ct);
    }

    /// <summary>Every registrant with meetings hears the schedule is out, with their meetings in their own time zone.</summary>
    public async Task SchedulePublishedAsync(int eventId, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == eventId, ct);
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(ct);
        var meetings = await db.EventMeetings.AsNoTracking().Where(m => m.EventId == eventId && !m.Cancelled && m.SlotIndex != null).ToListAsync(ct);
        var slots = EventWorkflow.Slots(e);
        var names = registrations.ToDictionary(r => r.Id, EventWorkflow.Label);
        foreach (var registration in registrations.Where(r => meetings.Any(m => m.FirstRegistrationId == r.Id || m.SecondRegistrationId == r.Id)))
        {
            var zone = ZoneFor(registration, e);
            var mine = meetings.Where(m => m.FirstRegistrationId == registration.Id || m.SecondRegistrationId == registration.Id).ToList();
            // Composed only for people who want the notice: the lines and the calendar file come from the same meeting views
            // as the agenda.
            await Notices.QueueAsync(db, [registration.UserId], NoticeKinds.SchedulePublished, _ =>
            {
                var calendar = CalendarOf(e, mine, slots, names, registration.Id);
                return new(
                    $"schedule-published:{eventId}:{registration.Id}",
                    new Dictionary<string, string>
                    {
                        ["event"] = e.Name,
                        ["timeZone"] = zone.Id,
                        ["meetings"] = AgendaLines(mine, slots, names, registration.Id, zone),
                        ["calendar"] = CalendarLine(calendar, eventId),
                        ["link"] = Link("/My"),
                    }, calendar);
            }, clock, ct);
        }
    }

    /// <summary>Both sides of a cancelled meeting hear of it, with the time it had in their own time zone.</summary>
    public async Task MeetingCancelledAsync(EventMeeting meeting, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == meeting.EventId, ct);
        var ids = new[] { meeting.FirstRegistrationId, meeting.SecondRegistrationId };
        var both = await db.EventRegistrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var slots = EventWorkflow.Slots(e);
        var slot = meeting.SlotIndex is { } i ? slots.ElementAtOrDefault(i) : null;
        var names = both.ToDictionary(r => r.Id, EventWorkflow.Label);
        foreach (var registration in both)
        {
            var other = both.FirstOrDefault(r => r.Id != registration.Id);
            var zone = ZoneFor(registration, e);
            await Notices.QueueAsync(db, [registration.UserId], NoticeKinds.MeetingCancelled, _ =>
            {
                var calendar = CalendarOf(e, [meeting], slots, names, registration.Id);
                return new(
                    $"meeting-cancelled:{meeting.Id}:{registration.Id}",
                    new Dictionary<string, string>
                    {
                        ["other"] = other is null ? "your counterpart" : EventWorkflow.Label(other),
                        ["event"] = e.Name,
                        ["when"] = EventWorkflow.ShownAt(slot?.Start.ToDateTimeOffset(), zone, "not yet scheduled"),
                        ["timeZone"] = zone.Id,
                        ["calendar"] = CalendarLine(calendar, e.Id),
                        ["link"] = Link("/My"),
                    }, calendar);
            }, clock, ct);
        }
    }

    /// <summary>
    /// Both sides of each meeting that moved (or was placed into a freed place, or lost its place) hear its new time in their
    /// own time zone. The key carries the meeting's calendar SEQUENCE, so each change is told once and a later one again.
    /// </summary>
    public async Task MeetingsMovedAsync(MatchmakingEvent e, IReadOnlyCollection<EventMeeting> moved, CancellationToken ct)
    {
        if (moved.Count == 0)
        {
            return;
        }

        var slots = EventWorkflow.Slots(e);
        var ids = moved.SelectMany(m => new[] { m.FirstRegistrationId, m.SecondRegistrationId }).Distinct().ToList();
        var people = await db.EventRegistrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var names = people.Values.ToDictionary(r => r.Id, EventWorkflow.Label);
        foreach (var meeting in moved)
        {
            var slot = meeting.SlotIndex is { } i ? slots.ElementAtOrDefault(i) : null;
            foreach (var (me, other) in new[] { (meeting.FirstRegistrationId, meeting.SecondRegistrationId), (meeting.SecondRegistrationId, meeting.FirstRegistrationId) })
            {
                if (people.GetValueOrDefault(me) is not { } registration)
                {
                    continue;
                }

                var zone = ZoneFor(registration, e);
                var when = slot is null
                    ? "taken out of the schedule for now; staff will give it a new time and you will hear it"
                    : $"now {EventWorkflow.ShownAt(slot.Start.ToDateTimeOffset(), zone, "")} (your time zone, {zone.Id}) at table {meeting.Table}";
                await Notices.QueueAsync(db, [registration.UserId], NoticeKinds.MeetingMoved, _ =>
                {
                    var calendar = names.ContainsKey(other) ? CalendarOf(e, [meeting], slots, names, me) : null;
                    return new(
                        $"meeting-moved:{meeting.Id}:{meeting.Sequence}:{registration.Id}",
                        new Dictionary<string, string>
                        {
                            ["other"] = names.GetValueOrDefault(other) ?? "your counterpart",
                            ["event"] = e.Name,
                            ["when"] = when,
                            ["calendar"] = CalendarLine(calendar, e.Id),
                            ["link"] = Link("/My"),
                        }, calendar);
                }, clock, ct);
            }
        }
    }

    /// <summary>
    /// The calendar file sent with a notice: these meetings as the participant's own calendar shows them (same UIDs and
    /// SEQUENCE as the feed and agenda.ics), so importing it moves or drops them; null when none of them has a time.
    /// </summary>
    private string? CalendarOf(MatchmakingEvent e, IEnumerable<EventMeeting> meetings, IReadOnlyList<Core.Events.PlannedSlot> slots, IReadOnlyDictionary<int, string> names, int registrationId)
    {
        var items = EventCalendar.Meetings(EventViews.ToDto(e), meetings.Select(m => EventWorkflow.View(m, slots, names)), registrationId).ToList();
        return items.Count == 0 ? null : EventCalendar.Write(e.Name, $"event-{e.Id}-registration-{registrationId}", items, clock.GetUtcNow());
    }

    /// <summary>
    /// A participant's scheduled meetings as notice lines, earliest first: "- time (in <paramref name="zone"/>), table N: the
    /// other side", from the same meeting views as the agenda page.
    /// </summary>
    internal static string AgendaLines(IEnumerable<EventMeeting> meetings, IReadOnlyList<Core.Events.PlannedSlot> slots, IReadOnlyDictionary<int, string> names, int registrationId, DateTimeZone zone) =>
        string.Join('\n', meetings.Select(m => EventWorkflow.View(m, slots, names)).Where(v => v.Start is not null).OrderBy(v => v.SlotIndex)
            .Select(v => $"- {EventWorkflow.ShownAt(v.Start, zone, "")}, table {v.Table}: {(v.FirstId == registrationId ? v.SecondName : v.FirstName)}"));

    /// <summary>What the notice says of its calendar file, and where the whole agenda is.</summary>
    private string CalendarLine(string? calendar, int eventId) =>
        (calendar is null ? "" : "The attached meeting.ics updates your calendar when you open it (same meetings, newer version).\n")
        + $"Your whole agenda as a calendar file:\n{Link($"/api/events/{eventId}/agenda.ics")}";

    internal static DateTimeZone ZoneFor(EventRegistration registration, MatchmakingEvent e) =>
        EventWorkflow.ZoneOf(registration.TimeZone ?? e.TimeZone);

    private async Task<(MatchmakingEvent Event, EventRegistration From, EventRegistration To)> PartiesAsync(MeetingRequest request, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstAsync(x => x.Id == request.EventId, ct);
        var ids = new[] { request.FromRegistrationId, request.ToRegistrationId };
        var both = await db.EventRegistrations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return (e, both.Single(r => r.Id == request.FromRegistrationId), both.Single(r => r.Id == request.ToRegistrationId));
    }
}

/// <summary>
/// The workspace's background pass: expires meeting requests left unanswered too long (telling the requester) and sends
/// each participant their agenda the day before an event day. Keys make a pass safe to repeat and to run on several instances.
/// </summary>
public sealed class NoticePass(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MyOptions> options, ILogger<NoticePass> logger) : RepeatingPass(logger)
{
    protected override TimeSpan Interval => options.Value.PassInterval;

    protected override string Name => "Notice pass";

    protected override Task PassAsync(CancellationToken ct) => RunAsync(ct);

    /// <summary>One pass; returns the requests expired and the agendas queued.</summary>
    public async Task<(int Expired, int Agendas)> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
        var notices = scope.ServiceProvider.GetRequiredService<MeetingNotices>();
        return (await ExpireAsync(db, notices, ct), await AgendasAsync(db, ct));
    }

    private async Task<int> ExpireAsync(CityBridgeDb db, MeetingNotices notices, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Value.RequestExpiry;
        // SQLite cannot compare instants: the open requests are few, so the cut-off is applied here.
        var open = (await db.MeetingRequests.Where(r => r.Status == MeetingRequestStatus.Requested).ToListAsync(ct)).Where(r => r.CreatedAt < cutoff).ToList();
        foreach (var request in open)
        {
            request.Status = MeetingRequestStatus.Expired;
            request.AnsweredAt = clock.GetUtcNow();
            await notices.AnsweredAsync(request, ct);
        }

        await db.SaveChangesAsync(ct);
        return open.Count;
    }

    private async Task<int> AgendasAsync(CityBridgeDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tomorrow = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        // A day either side covers every time zone; the exact "tomorrow where the event is" is checked below.
        var events = await db.Events.AsNoTracking().Include(e => e.Sessions)
            .Where(e => e.SchedulePublished && e.Sessions.Any(s => s.Date >= tomorrow.AddDays(-1) && s.Date <= tomorrow.AddDays(1))).ToListAsync(ct);
        var queued = 0;
        var root = options.Value.PublicUrl;
        foreach (var e in events)
        {
            var zone = EventWorkflow.ZoneOf(e.TimeZone);
            var localTomorrow = Instant.FromDateTimeOffset(now).InZone(zone).Date.PlusDays(1);
            var slots = EventWorkflow.Slots(e);
            var indexes = slots.Where(s => s.Start.InZone(zone).Date == localTomorrow).Select(s => s.Index).ToList();
            if (indexes.Count == 0)
            {
                continue;
            }

            var meetings = await db.EventMeetings.AsNoTracking()
                .Where(m => m.EventId == e.Id && !m.Cancelled && m.SlotIndex != null && indexes.Contains(m.SlotIndex.Value)).ToListAsync(ct);
            var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == e.Id).ToListAsync(ct);
            var names = registrations.ToDictionary(r => r.Id, EventWorkflow.Label);
            foreach (var registration in registrations)
            {
                var mine = meetings.Where(m => m.FirstRegistrationId == registration.Id || m.SecondRegistrationId == registration.Id).ToList();
                if (mine.Count == 0)
                {
                    continue;
                }

                var myZone = MeetingNotices.ZoneFor(registration, e);
                queued += await Notices.QueueAsync(db, [registration.UserId], NoticeKinds.DayBeforeAgenda, _ => new(
                    $"agenda:{e.Id}:{registration.Id}:{localTomorrow:yyyy-MM-dd}",
                    new Dictionary<string, string>
                    {
                        ["event"] = e.Name,
                        ["day"] = localTomorrow.ToString("dddd d MMMM", CultureInfo.InvariantCulture),
                        ["timeZone"] = myZone.Id,
                        ["meetings"] = MeetingNotices.AgendaLines(mine, slots, names, registration.Id, myZone),
                        ["venue"] = e.Venue ?? "see the event page",
                        ["ics"] = new Uri(root, $"/api/events/{e.Id}/agenda.ics").ToString(),
                    }), clock, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return queued;
    }
}
