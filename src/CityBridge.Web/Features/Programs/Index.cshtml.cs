using CityBridge.Web.Data;
using CityBridge.Web.Features.Accounts;
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
        Total = await query.CountAsync(ct);
        var items = await query.Skip((Filter.PageNumber - 1) * Filter.Size).Take(Filter.Size).ToListAsync(ct);
        Entities = items.ToDictionary(p => p.Id);
        Programs = items.Select(ProgramsApi.ToDto).ToList();
    }
}
