using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using QRCoder;

namespace CityBridge.Web.Features.Events;

/// <summary>A participant's own meetings and check-in code, in the event's time and a time zone of their choice; printable and as .ics.</summary>
[Authorize]
public sealed class AgendaModel(EventWorkflow flow, EventDay day, CityBridgeDb db, TimeProvider clock) : PageModel
{
    public EventDto Event { get; private set; } = null!;

    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public EventRegistration? Me { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Zone { get; set; }

    public DateTimeZone OwnZone { get; private set; } = DateTimeZone.Utc;

    public bool Published { get; private set; }

    public string? CheckInCode { get; private set; }

    public IReadOnlyList<ZoneChoice> LikelyZones { get; private set; } = [];

    public IReadOnlyDictionary<int, MeetingFeedback> Rated { get; private set; } = new Dictionary<int, MeetingFeedback>();

    public DateTimeOffset Now { get; private set; }

    /// <summary>Why the last action was refused, if it was.</summary>
    public string? Problem => ModelState.PageMessage();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMarkAsync(int id, int meetingId, MeetingAttendance attendance, CancellationToken ct) =>
        await AfterAsync(id, await day.MarkAsync(id, await this.ActorAsync(ct), meetingId, attendance, ct),
            attendance == MeetingAttendance.Held ? "Marked held. Rate it below." : "Marked as a no-show; staff can offer the place to others.", ct);

    public async Task<IActionResult> OnPostRateAsync(int id, int meetingId, string? choice, CancellationToken ct) =>
        await AfterAsync(id, await day.RateAsync(id, await this.ActorAsync(ct), meetingId, choice is "followup" or "useful", choice == "followup", ct),
            choice == "followup" ? "Thank you. The follow-up is in the pipeline." : "Thank you for rating the meeting.", ct);

    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken ct)
    {
        var (ics, refusal) = await flow.CalendarAsync(id, await this.ActorAsync(ct), ct);
        return refusal is not null ? NotFound() : File(ics!, "text/calendar; charset=utf-8", $"citybridge-event-{id}.ics");
    }

    /// <summary>The participant's check-in code as a QR code (SVG), for the phone and the printed agenda.</summary>
    public async Task<IActionResult> OnGetQrAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (await flow.MyRegistrationAsync(id, actor, ct) is not { } me)
        {
            return NotFound();
        }

        var code = await day.CheckInCodeAsync(me.Id, ct);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        Response.Headers.CacheControl = "private, no-store";
        return Content(svg, "image/svg+xml");
    }

    private async Task<IActionResult> AfterAsync(int id, Refusal? refusal, string done, CancellationToken ct)
    {
        if (this.Settle(refusal, done, new { id }) is { } settled)
        {
            return settled;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (await flow.FindAsync(id, actor, ct) is not { } e)
        {
            return false;
        }

        Now = clock.GetUtcNow();
        Event = EventViews.ToDto(e);
        Me = await flow.MyRegistrationAsync(id, actor, ct);
        Published = e.SchedulePublished;
        OwnZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(Zone ?? Me?.TimeZone ?? e.TimeZone) ?? EventWorkflow.ZoneOf(e.TimeZone);
        Zone = OwnZone.Id;
        if (Me is not null)
        {
            CheckInCode = await day.CheckInCodeAsync(Me.Id, ct);
            LikelyZones = await day.LikelyZonesAsync(e.TimeZone, Me.OrganizationId, ct);
            if (Published || actor.IsStaff)
            {
                Meetings = await flow.MeetingsAsync(e, Me.Id, ct);
                var ids = Meetings.Select(m => m.Id).ToList();
                var myId = Me.Id;
                Rated = await db.MeetingFeedback.AsNoTracking().Where(f => f.RegistrationId == myId && ids.Contains(f.MeetingId)).ToDictionaryAsync(f => f.MeetingId, ct);
            }
        }

        return true;
    }

    public string InEvent(DateTimeOffset? instant) => EventWorkflow.ShownAt(instant, EventWorkflow.ZoneOf(Event.TimeZone), NotPlaced);

    public string InOwn(DateTimeOffset? instant) => EventWorkflow.ShownAt(instant, OwnZone, NotPlaced);

    private const string NotPlaced = "not placed yet";
}
