using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Events;

/// <summary>For the staff at the venue: per slot, who sits at which table.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class TablesModel(EventWorkflow flow) : PageModel
{
    public EventDto Event { get; private set; } = null!;

    public IReadOnlyList<IGrouping<int, MeetingView>> BySlot { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await flow.FindAsync(id, await this.ActorAsync(ct), ct) is not { } e)
        {
            return NotFound();
        }

        Event = EventViews.ToDto(e);
        BySlot = (await flow.MeetingsAsync(e, null, ct)).Where(m => m.SlotIndex is not null).GroupBy(m => m.SlotIndex!.Value).OrderBy(g => g.Key).ToList();
        return Page();
    }

    public string Local(DateTimeOffset? instant) => EventWorkflow.ShownAt(instant, EventWorkflow.ZoneOf(Event.TimeZone), "");
}
