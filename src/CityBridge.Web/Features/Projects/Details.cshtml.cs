using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Projects;

public sealed class DetailsModel(CityBridgeDb db) : PageModel
{
    public ProjectDto Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var project = await new RecordStore<PriorityProject, ProjectInput, ProjectDto>(db, ProjectDefinition.Instance).FindAsync(id, ct);
        if (project is null)
        {
            return NotFound();
        }

        Project = project;
        return Page();
    }
}
