using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>Staff run and stop the scheduler, follow its progress, publish the schedule, and pin, cancel or add meetings.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class ScheduleModel(EventWorkflow flow, EventScheduling scheduling, CityBridgeDb db) : PageModel
{
    public EventDto Event { get; private set; } = null!;

    public SchedulingRun? Run { get; private set; }

    public IReadOnlyList<MeetingView> Meetings { get; private set; } = [];

    public IReadOnlyList<Registrant> Registrants { get; private set; } = [];

    public bool Running => Run?.State is SchedulingJob.Queued or SchedulingJob.Running or SchedulingJob.Stopping;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRunAsync(int id, double timeLimitSeconds, bool allowMoves, CancellationToken ct) =>
        Flash(await flow.StartSchedulingAsync(id, await this.ActorAsync(ct), timeLimitSeconds, allowMoves, ct), "The scheduler is running.", id);

    public async Task<IActionResult> OnPostStopAsync(int id, CancellationToken ct) =>
        Flash(await flow.StopSchedulingAsync(id, await this.ActorAsync(ct), ct), "Stopping: the best schedule found so far is kept.", id);

    public async Task<IActionResult> OnPostPublishAsync(int id, bool published, CancellationToken ct) =>
        Flash(await flow.PublishScheduleAsync(id, await this.ActorAsync(ct), published, ct), published ? "Schedule published: participants see their agendas." : "Schedule withdrawn.", id);

    /// <summary>This page reports every outcome, done or refused, as the flash message over the schedule it shows again.</summary>
    private IActionResult Flash(Refusal? refusal, string done, int id)
    {
        if (refusal is { Kind: RefusalKind.Forbidden or RefusalKind.SignInRequired or RefusalKind.NotFound })
        {
            return this.Refuse(refusal, missingRecordIsNotFound: true)!;
        }

        TempData["Flash"] = refusal?.Message ?? done;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMeetingAsync(int id, int meetingId, string change, CancellationToken ct)
    {
        var refusal = await flow.ChangeMeetingAsync(id, await this.ActorAsync(ct), meetingId, change, ct);
        TempData["Flash"] = refusal?.Message ?? "Meeting updated.";
        return RedirectToPage(new { id });
    }

    /// <summary>The participants chosen in a refused "Add a meeting", shown again.</summary>
    public (int First, int Second)? Chosen { get; private set; }

    public async Task<IActionResult> OnPostAddAsync(int id, int firstRegistrationId, int secondRegistrationId, int priority, CancellationToken ct)
    {
        if (firstRegistrationId == secondRegistrationId)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            Chosen = (firstRegistrationId, secondRegistrationId);
            ModelState.AddModelError("secondRegistrationId", "Choose a different participant: a meeting needs two people.");
            return Page();
        }

        var refusal = await flow.AddMeetingAsync(id, await this.ActorAsync(ct), firstRegistrationId, secondRegistrationId, priority, ct);
        TempData["Flash"] = refusal?.Message ?? "Meeting added; run the scheduler to place it.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (await flow.FindAsync(id, actor, ct) is not { } e)
        {
            return false;
        }

        Event = EventViews.ToDto(e);
        Run = await scheduling.RunOfAsync(db, id, ct);
        Meetings = await flow.MeetingsAsync(e, null, ct);
        Registrants = await flow.RegistrantsAsync(id, null, ct);
        return true;
    }

    public string Local(DateTimeOffset? instant) => EventWorkflow.ShownAt(instant, EventWorkflow.ZoneOf(Event.TimeZone), "not placed");
}
