using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Events;

/// <summary>An event's funnel for staff: chart, table and CSV.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class FunnelModel(EventWorkflow flow, EventDay day) : PageModel
{
    public EventFunnel Funnel { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await flow.FindAsync(id, await this.ActorAsync(ct), ct) is not { } e)
        {
            return NotFound();
        }

        Funnel = await day.FunnelAsync(e, ct);
        return Page();
    }
}
