using CityBridge.Web.Data;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Cities;

public sealed class DetailsModel(CityBridgeDb db) : PageModel
{
    public CityDto City { get; private set; } = null!;

    public IReadOnlyList<ProjectDto> Projects { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool MayAddProject { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var store = new RecordStore<CityBridge.Web.Features.Cities.City, CityInput, CityDto>(db, CityDefinition.Instance, actor);
        var city = await store.FindAsync(id, ct);
        if (city is null)
        {
            return NotFound();
        }

        City = city;
        CanEdit = await store.MayChangeAsync(id, ct);
        MayAddProject = ProjectDefinition.Instance.MayCreate(actor, new ProjectInput { CityId = id });
        Projects = await ProjectDefinition.Instance.ListAsync(db, new DirectoryFilter { CityId = id }, actor, ct);
        return Page();
    }
}
