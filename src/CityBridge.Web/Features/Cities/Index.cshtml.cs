using CityBridge.Web.Data;
using CityBridge.Web.Features.Reference;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Cities;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DirectoryFilter Filter { get; set; } = new();

    public PagedList<CityDto> Cities { get; private set; } = new([], 0, 1, DirectoryFilter.DefaultPageSize);

    public IReadOnlyList<CountryDto> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Countries = await ReferenceApi.CountryRows(db).ToListAsync(ct);
        Cities = await CityDefinition.Instance.Query(db, Filter).Select(CityDefinition.Instance.ToDto).ToPageAsync(Filter, ct);
    }
}
