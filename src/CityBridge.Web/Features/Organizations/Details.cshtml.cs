using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Organizations;

public sealed class DetailsModel(CityBridgeDb db) : PageModel
{
    public OrganizationDto Organization { get; private set; } = null!;

    public IReadOnlyList<SolutionDto> Solutions { get; private set; } = [];

    public IReadOnlyList<ContactDto> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var organization = await new RecordStore<Organization, OrganizationInput, OrganizationDto>(db, OrganizationDefinition.Instance).FindAsync(id, ct);
        if (organization is null)
        {
            return NotFound();
        }

        Organization = organization;
        var filter = new DirectoryFilter { OrganizationId = id, PageSize = DirectoryFilter.MaxPageSize };
        Solutions = await SolutionDefinition.Instance.Query(db, filter).Select(SolutionDefinition.Instance.ToDto).ToListAsync(ct);
        Contacts = await ContactDefinition.Instance.Query(db, filter).Select(ContactDefinition.Instance.ToDto).ToListAsync(ct);
        return Page();
    }
}
