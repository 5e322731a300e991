using CityBridge.Web.Data;
using CityBridge.Web.Features.Reference;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Countries;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    public IReadOnlyList<CountryDto> Countries { get; private set; } = [];

    public long Largest2050 => Countries.Count == 0 ? 1 : Math.Max(1, Countries.Max(c => c.UrbanPopulation2050));

    public async Task OnGetAsync(CancellationToken ct) =>
        Countries = await ReferenceApi.CountryRows(db).ToListAsync(ct);
}
