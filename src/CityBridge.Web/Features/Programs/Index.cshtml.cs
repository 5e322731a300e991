using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

public sealed class IndexModel(CityBridgeDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ProgramFilter Filter { get; set; } = new();

    public Actor Actor { get; private set; } = Actor.Anonymous;

    public IReadOnlyList<ProgramDto> Programs { get; private set; } = [];

    public IReadOnlyDictionary<int, TradeProgram> Entities { get; private set; } = new Dictionary<int, TradeProgram>();

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor = await this.ActorAsync(ct);
        Filter.PageSize ??= DirectoryFilter.MaxPageSize;
        var query = Filter.Apply(db.Programs.AsNoTracking().Include(p => p.Sessions), Actor, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var page = await query.ToPageAsync(Filter, ct);
        Total = page.Total;
        Entities = page.Items.ToDictionary(p => p.Id);
        Programs = page.Items.Select(ProgramViews.ToDto).ToList();
    }
}
