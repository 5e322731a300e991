using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Solutions;

/// <summary>A solution's public page: what it does, for which sectors, the standards it meets and where it runs.</summary>
public sealed class DetailsModel(CityBridgeDb db) : PageModel
{
    public SolutionDto Solution { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var store = new RecordStore<Solution, SolutionInput, SolutionDto>(db, SolutionDefinition.Instance, actor);
        var solution = await store.FindAsync(id, ct);
        if (solution is null)
        {
            return NotFound();
        }

        Solution = solution;
        CanEdit = await store.MayChangeAsync(id, ct);
        return Page();
    }
}
