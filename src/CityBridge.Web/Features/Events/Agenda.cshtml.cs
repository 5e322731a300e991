using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace CityBridge.Web.Features.Events;

/// <summary>A participant's own meetings, in the event's time and in a time zone of their choice; printable and as .ics.</summary>
public sealed class AgendaModel(EventWorkflow flow) : PageModel
{
    public EventDto Event { get; private set; } = null!;

    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public EventRegistration? Me { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Zone { get; set; }

    public DateTimeZone OwnZone { get; private set; } = DateTimeZone.Utc;

    public bool Published { get; private set; }

    public static IReadOnlyList<string> Zones { get; } = DateTimeZoneProviders.Tzdb.Ids.Where(z => z.Contains('/', StringComparison.Ordinal) && !z.StartsWith("Etc/", StringComparison.Ordinal)).Order().ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (await flow.FindAsync(id, actor, ct) is not { } e)
        {
            return NotFound();
        }

        Event = EventsApi.ToDto(e);
        Me = await flow.MyRegistrationAsync(id, actor, ct);
        Published = e.SchedulePublished;
        OwnZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(Zone ?? Me?.TimeZone ?? e.TimeZone) ?? EventWorkflow.ZoneOf(e.TimeZone);
        Zone = OwnZone.Id;
        if (Me is not null && (Published || actor.IsStaff))
        {
            Meetings = await flow.MeetingsAsync(e, Me.Id, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken ct)
    {
        var (ics, refusal) = await flow.CalendarAsync(id, await this.ActorAsync(ct), ct);
        return refusal is not null ? NotFound() : File(ics!, "text/calendar; charset=utf-8", $"citybridge-event-{id}.ics");
    }

    public string InEvent(DateTimeOffset? instant) => EventWorkflow.ShownAt(instant, EventWorkflow.ZoneOf(Event.TimeZone), NotPlaced);

    public string InOwn(DateTimeOffset? instant) => EventWorkflow.ShownAt(instant, OwnZone, NotPlaced);

    private const string NotPlaced = "not placed yet";
}
