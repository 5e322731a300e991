using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>The signed-in user's registrations, soonest program first.</summary>
[Authorize]
public sealed class MineModel(CityBridgeDb db) : PageModel
{
    public IReadOnlyList<(TradeProgram Program, ProgramRegistration Registration)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var rows = await (from r in db.ProgramRegistrations.AsNoTracking()
                          join p in db.Programs.AsNoTracking() on r.ProgramId equals p.Id
                          where r.UserId == actor.UserId
                          orderby p.StartDate, p.Id
                          select new { p, r }).ToListAsync(ct);
        Items = rows.Select(x => (x.p, x.r)).ToList();
    }
}
