using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Search;

public sealed class IndexModel(SiteSearch search, CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SearchResult> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Results = await search.SearchAsync(Q, await this.ActorAsync(ct), db, ct);
}
