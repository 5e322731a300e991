using CityBridge.Web.Data;
using CityBridge.Web.Features.Reference;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Projects;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DirectoryFilter Filter { get; set; } = new();

    public PagedList<ProjectDto> Projects { get; private set; } = new([], 0, 1, DirectoryFilter.DefaultPageSize);

    public IReadOnlyList<CountryDto> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Countries = await ReferenceApi.CountryRows(db).ToListAsync(ct);
        Projects = await ProjectDefinition.Instance.Query(db, Filter).Select(ProjectDefinition.Instance.ToDto).ToPageAsync(Filter, ct);
    }
}
