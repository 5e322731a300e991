using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    public IReadOnlyList<EventDto> Events { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        MayCreate = EventWorkflow.MayManage(actor);
        var events = await db.Events.AsNoTracking().Include(e => e.Sessions).Where(e => e.IsPublished || actor.IsStaff).ToListAsync(ct);
        Events = events.Select(EventViews.ToDto).OrderBy(e => e.Sessions.Count == 0 ? null : e.Sessions[0].Date).ThenBy(e => e.Name).ToList();
    }
}
