using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class ReportModel(ProgramReport report, EventDay day, CityBridgeDb db) : PageModel
{
    public ProgramReportView Report { get; private set; } = null!;

    /// <summary>The meeting funnel of each matchmaking event of the program.</summary>
    public IReadOnlyList<EventFunnel> Funnels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await report.BuildAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        Report = view;
        var funnels = new List<EventFunnel>();
        foreach (var e in await db.Events.AsNoTracking().Where(e => e.ProgramId == id).OrderBy(e => e.Name).ToListAsync(ct))
        {
            funnels.Add(await day.FunnelAsync(e, ct));
        }

        Funnels = funnels;
        return Page();
    }
}
