using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CityBridge.Web.Features.Events;

/// <summary>An iCalendar file of a participant's meetings; UIDs are stable per meeting so re-importing updates, not duplicates.</summary>
public static class EventCalendar
{
    public static string Write(MatchmakingEvent e, IEnumerable<MeetingView> meetings, int forRegistrationId, DateTimeOffset stamp)
    {
        var calendar = new Calendar { ProductId = "-//CityBridge//Matchmaking//EN" };
        calendar.AddProperty("X-WR-CALNAME", e.Name);
        foreach (var m in meetings.Where(m => m.Start is not null))
        {
            var other = m.FirstId == forRegistrationId ? m.SecondName : m.FirstName;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"citybridge-event-{e.Id}-meeting-{m.Id}@citybridge",
                DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
                DtStart = new CalDateTime(m.Start!.Value.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(m.End!.Value.UtcDateTime, "UTC"),
                Summary = $"Meeting with {other}",
                Location = $"{e.Venue}{(m.Table is { } t ? $", table {t}" : "")}",
                Description = $"{e.Name} – {m.Session}",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
