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

    public bool CanEdit { get; private set; }

    public bool CanDelete { get; private set; }

    public bool MayAddSolution { get; private set; }

    public bool MayAddContact { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var store = new RecordStore<Organization, OrganizationInput, OrganizationDto>(db, OrganizationDefinition.Instance, actor);
        var organization = await store.FindAsync(id, ct);
        if (organization is null)
        {
            return NotFound();
        }

        Organization = organization;
        CanEdit = await store.MayChangeAsync(id, ct);
        CanDelete = actor.IsStaff;
        MayAddSolution = SolutionDefinition.Instance.MayCreate(actor, new SolutionInput { OrganizationId = id });
        MayAddContact = ContactDefinition.Instance.MayCreate(actor, new ContactInput { OrganizationId = id });
        var filter = new DirectoryFilter { OrganizationId = id, PageSize = DirectoryFilter.MaxPageSize };
        Solutions = await SolutionDefinition.Instance.Query(db, filter, actor).Select(SolutionDefinition.Instance.ToDto).ToListAsync(ct);
        Contacts = await ContactDefinition.Instance.Query(db, filter, actor).Select(ContactDefinition.Instance.ToDto).ToListAsync(ct);
        return Page();
    }
}
