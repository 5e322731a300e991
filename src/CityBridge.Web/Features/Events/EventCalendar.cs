using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CityBridge.Web.Features.Events;

/// <summary>One entry of a calendar file or feed: a meeting or a session, with what RFC 5545 needs to update it in place.</summary>
public sealed record CalendarItem(
    string Uid,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string? Location,
    string? Description,
    int Sequence,
    DateTimeOffset? LastModified,
    bool Cancelled = false);

/// <summary>
/// Writes iCalendar (RFC 5545) files: stable UIDs so importing again updates, SEQUENCE raised on every move,
/// cancelled meetings kept as STATUS:CANCELLED, and never a calendar without a component.
/// </summary>
public static class EventCalendar
{
    public static string Write(string name, string key, IReadOnlyCollection<CalendarItem> items, DateTimeOffset stamp)
    {
        var calendar = new Calendar { ProductId = "-//CityBridge//Matchmaking//EN" };
        calendar.AddProperty("METHOD", "PUBLISH");
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var dtStamp = Utc(stamp);
        foreach (var item in items.OrderBy(i => i.Start).ThenBy(i => i.Uid, StringComparer.Ordinal))
        {
            var entry = new CalendarEvent
            {
                Uid = item.Uid,
                DtStamp = dtStamp,
                DtStart = Utc(item.Start),
                DtEnd = Utc(item.End),
                Summary = item.Summary,
                Sequence = item.Sequence,
                Status = item.Cancelled ? "CANCELLED" : "CONFIRMED",
            };
            if (!string.IsNullOrWhiteSpace(item.Location))
            {
                entry.Location = item.Location;
            }

            if (!string.IsNullOrWhiteSpace(item.Description))
            {
                entry.Description = item.Description;
            }

            if (item.LastModified is { } changed)
            {
                entry.LastModified = Utc(changed);
            }

            calendar.Events.Add(entry);
        }

        if (items.Count == 0)
        {
            // RFC 5545 §3.6: a calendar holds at least one component; a journal entry says why there is nothing to show.
            calendar.Journals.Add(new Journal
            {
                Uid = $"citybridge-{key}-empty@citybridge",
                DtStamp = dtStamp,
                Summary = "Nothing scheduled yet in CityBridge",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>A participant's meetings; cancelled ones that were placed stay in as cancelled so calendars drop them.</summary>
    public static IEnumerable<CalendarItem> Meetings(EventDto e, IEnumerable<MeetingView> meetings, int forRegistrationId) =>
        meetings.Where(m => m.Start is not null).Select(m => new CalendarItem(
            MeetingUid(e.Id, m.Id),
            m.Start!.Value,
            m.End!.Value,
            $"Meeting with {(m.FirstId == forRegistrationId ? m.SecondName : m.FirstName)}",
            $"{e.Venue}{(m.Table is { } t ? $", table {t}" : "")}",
            $"{e.Name} – {m.Session}",
            m.Sequence,
            m.ChangedAt,
            m.Cancelled));

    /// <summary>The event's meeting sessions, for a registrant who has no meeting (yet).</summary>
    public static IEnumerable<CalendarItem> Sessions(EventDto e, IReadOnlyList<Core.Events.PlannedSlot> slots) =>
        slots.GroupBy(s => s.Session).Select(g => new CalendarItem(
            $"citybridge-event-{e.Id}-session-{Uid(g.Key)}@citybridge",
            g.Min(s => s.Start).ToDateTimeOffset(),
            g.Max(s => s.End).ToDateTimeOffset(),
            $"{e.Name}: {g.Key}",
            e.Venue,
            "Matchmaking session; your meetings appear here once the schedule is published.",
            0,
            null));

    public static string MeetingUid(int eventId, int meetingId) => $"citybridge-event-{eventId}-meeting-{meetingId}@citybridge";

    private static string Uid(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, "UTC");
}
