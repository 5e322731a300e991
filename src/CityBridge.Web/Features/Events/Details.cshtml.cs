using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Events;

public sealed class DetailsModel(EventWorkflow flow, EventDay day) : PageModel
{
    public EventDto Event { get; private set; } = null!;

    public Actor Actor { get; private set; } = Actor.Anonymous;

    public EventRegistration? Me { get; private set; }

    public IReadOnlyList<Registrant> Registrants { get; private set; } = [];

    public IReadOnlyList<RequestView> Requests { get; private set; } = [];

    public IReadOnlyList<EventSession> Sessions { get; private set; } = [];

    /// <summary>Why the last action was refused, if it was.</summary>
    public string? Problem => ModelState.PageMessage();

    public IReadOnlyList<ZoneChoice> LikelyZones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await flow.RegisterAsync(id, await this.ActorAsync(ct), null, ct), "You are registered. Request meetings with the participants below.", ct);

    public async Task<IActionResult> OnPostAvailabilityAsync(int id, string? timeZone, List<int> sessionIds, CancellationToken ct) =>
        await AfterAsync(id, await flow.UpdateRegistrationAsync(id, await this.ActorAsync(ct), timeZone, sessionIds, ct), "Your availability is saved.", ct);

    public async Task<IActionResult> OnPostRequestAsync(int id, int toRegistrationId, int priority, string? message, CancellationToken ct)
    {
        var (_, refusal) = await flow.RequestAsync(id, await this.ActorAsync(ct), toRegistrationId, priority, message, ct);
        return await AfterAsync(id, refusal, "Request sent.", ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int requestId, bool accept, CancellationToken ct) =>
        await AfterAsync(id, await flow.AnswerAsync(id, await this.ActorAsync(ct), requestId, accept, ct), accept ? "Accepted: the meeting goes to the scheduler." : "Declined.", ct);

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
        Actor = await this.ActorAsync(ct);
        if (await flow.FindAsync(id, Actor, ct) is not { } e)
        {
            return false;
        }

        Event = EventViews.ToDto(e);
        Sessions = e.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).ToList();
        Me = await flow.MyRegistrationAsync(id, Actor, ct);
        if (Me is not null || Actor.IsStaff)
        {
            Registrants = await flow.RegistrantsAsync(id, Me, ct);
        }

        if (Me is not null)
        {
            Requests = await flow.RequestsAsync(id, Me.Id, ct);
            LikelyZones = await day.LikelyZonesAsync(e.TimeZone, Me.OrganizationId, ct);
        }

        return true;
    }
}
