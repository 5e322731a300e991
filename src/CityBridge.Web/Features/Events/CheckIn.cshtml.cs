using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>The staff desk on the day: check people in by code, mark meetings held or no-show, refill freed places.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class CheckInModel(EventWorkflow flow, EventDay day, CityBridgeDb db, TimeProvider clock) : PageModel
{
    public EventDto Event { get; private set; } = null!;

    public CheckInView? Found { get; private set; }

    public IReadOnlyList<FreedSlot> Freed { get; private set; } = [];

    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public int Registered { get; private set; }

    public int CheckedIn { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Why the last action was refused, if it was.</summary>
    public string? Problem => ModelState.PageMessage();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? code, CancellationToken ct)
    {
        var (found, refusal) = await day.CheckInAsync(id, await this.ActorAsync(ct), code, ct);
        if (refusal is not null && this.Refuse(refusal) is { } refused)
        {
            return refused;
        }

        Found = found;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, int meetingId, MeetingAttendance attendance, CancellationToken ct) =>
        await AfterAsync(id, await day.MarkAsync(id, await this.ActorAsync(ct), meetingId, attendance, ct), "Attendance saved.", ct);

    public async Task<IActionResult> OnPostFillAsync(int id, int meetingId, int slotIndex, int table, CancellationToken ct) =>
        await AfterAsync(id, await day.FillAsync(id, await this.ActorAsync(ct), meetingId, slotIndex, table, ct), "Place filled; both people are told the new time.", ct);

    public async Task<IActionResult> OnPostFillAllAsync(int id, CancellationToken ct)
    {
        var (placed, refusal) = await day.FillWithSchedulerAsync(id, await this.ActorAsync(ct), ct);
        return await AfterAsync(id, refusal, placed switch
        {
            0 => "No waiting meeting fits a free place ahead; nothing changed.",
            1 => "1 waiting meeting got a place; its two people are told the time.",
            _ => $"{placed} waiting meetings got a place; their people are told the times.",
        }, ct);
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
        if (await flow.FindAsync(id, await this.ActorAsync(ct), ct) is not { } e)
        {
            return false;
        }

        Now = clock.GetUtcNow();
        Event = EventViews.ToDto(e);
        Registered = await db.EventRegistrations.CountAsync(r => r.EventId == id, ct);
        CheckedIn = await db.EventRegistrations.CountAsync(r => r.EventId == id && r.CheckedInAt != null, ct);
        Freed = await day.FreedSlotsAsync(e, ct);
        Meetings = (await flow.MeetingsAsync(e, null, ct)).Where(m => m.Start is not null).ToList();
        return true;
    }

    public string Local(DateTimeOffset? instant) => EventWorkflow.ShownAt(instant, EventWorkflow.ZoneOf(Event.TimeZone), "not placed");
}
