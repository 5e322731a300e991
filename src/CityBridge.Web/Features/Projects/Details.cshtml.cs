using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Projects;

public sealed class DetailsModel(CityBridgeDb db) : PageModel
{
    public ProjectDto Project { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var store = new RecordStore<PriorityProject, ProjectInput, ProjectDto>(db, ProjectDefinition.Instance, await this.ActorAsync(ct));
        var project = await store.FindAsync(id, ct);
        if (project is null)
        {
            return NotFound();
        }

        Project = project;
        CanEdit = await store.MayChangeAsync(id, ct);
        return Page();
    }
}
