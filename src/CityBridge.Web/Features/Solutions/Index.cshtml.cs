using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Solutions;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DirectoryFilter Filter { get; set; } = new();

    public PagedList<SolutionDto> Solutions { get; private set; } = new([], 0, 1, DirectoryFilter.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Solutions = await SolutionDefinition.Instance.Query(db, Filter).Select(SolutionDefinition.Instance.ToDto).ToPageAsync(Filter, ct);
}
