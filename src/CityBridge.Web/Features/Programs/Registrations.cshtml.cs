using CityBridge.Core.Programs;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Programs;

/// <summary>Staff approve, waitlist, cancel and check in registrations, and invite people.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class RegistrationsModel(ProgramWorkflow flow) : PageModel
{
    public TradeProgram Program { get; private set; } = null!;

    public IReadOnlyList<RegistrationView> Items { get; private set; } = [];

    public int SeatsTaken => Items.Count(r => RegistrationRules.HoldsSeat(r.Status));

    /// <summary>Why the last action was refused, when it concerns no one field.</summary>
    public string? Problem => ModelState.PageMessage();

    public string? InviteError => ModelState.MessageFor("emails");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int registrationId, string change, CancellationToken ct)
    {
        var refusal = await flow.ChangeAsync(id, registrationId, change, await this.ActorAsync(ct), ct);
        return await AfterAsync(id, refusal, change switch { "approve" => "Approved (or waitlisted when full); the participant is told by e-mail.", "checkin" => "Checked in.", "cancel" => "Cancelled.", _ => "Saved." }, ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, string? emails, CancellationToken ct)
    {
        var list = (emails ?? string.Empty).Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var refusal = await flow.InviteAsync(id, list, await this.ActorAsync(ct), ct);
        return await AfterAsync(id, refusal, $"{list.Length} invitation(s) queued.", ct);
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
        if (await flow.FindAsync(id, await this.ActorAsync(ct), ct) is not { } p)
        {
            return false;
        }

        Program = p;
        Items = await flow.RegistrationsAsync(id, null, ct);
        return true;
    }
}
