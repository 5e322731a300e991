using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Organizations;

public sealed class DetailsModel(CityBridgeDb db, MatchingEngine engine, TimeProvider clock) : PageModel
{
    /// <summary>The provider's best-fitting city projects, when the viewer may see them.</summary>
    public MatchListView? Matches { get; private set; }

    /// <summary>Open matchmaking events ranked for the provider (with its leads).</summary>
    public IReadOnlyList<OpenEventFit> OpenEvents { get; private set; } = [];

    public string FitText(double? fit) => fit is { } f ? f.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "–";

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
        Solutions = await SolutionDefinition.Instance.ListAsync(db, filter, actor, ct);
        Contacts = await ContactDefinition.Instance.ListAsync(db, filter, actor, ct);
        if (organization.Kind == OrganizationKind.Provider && MatchQueries.MayViewProviderMatches(actor, id))
        {
            var items = await MatchQueries.ForProviderAsync(db, id, actor, 10, ct);
            Matches = new MatchListView(items, ForProject: false, CanCurate: actor.IsStaffWriter, CanMark: actor.MayWrite, Loading: !engine.IsLoaded,
                CanAct: actor.MayWrite && actor.IsProvider && actor.ActsFor(id), MayStartOpportunity: actor.MayWrite && actor.IsProvider && actor.ActsFor(id));
            OpenEvents = await MatchQueries.OpenEventsForProviderAsync(db, id, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, int projectId, bool relevant, CancellationToken ct) =>
        await MatchActions.MarkAsync(db, await this.ActorAsync(ct), projectId, id, relevant, clock, ct)
            ? RedirectToPage(new { id }) : Forbid();

    public async Task<IActionResult> OnPostCurateAsync(int id, int projectId, bool pinned, bool hidden, bool endorsed, string toggle, CancellationToken ct) =>
        await MatchActions.ToggleAsync(db, await this.ActorAsync(ct), projectId, id, pinned, hidden, endorsed, toggle, clock, ct)
            ? RedirectToPage(new { id }) : Forbid();
}
