using CityBridge.Web.Data;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Projects;

public sealed class DetailsModel(CityBridgeDb db, MatchingEngine engine, TimeProvider clock) : PageModel
{
    public ProjectDto Project { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>The suggested providers, when the viewer may see them.</summary>
    public MatchListView? Matches { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        // One read of the project serves the page, the edit buttons and the match list.
        var entity = await MatchQueries.VisibleProjectAsync(db, id, actor, ct);
        if (entity is null)
        {
            return NotFound();
        }

        Project = ProjectDefinition.Instance.ToDtoOf(entity);
        CanEdit = new RecordStore<PriorityProject, ProjectInput, ProjectDto>(db, ProjectDefinition.Instance, actor).MayChange(entity);
        if (MatchQueries.MayViewProjectMatches(actor, entity))
        {
            var items = await MatchQueries.ForProjectAsync(db, entity, actor, 10, ct);
            Matches = new MatchListView(items, ForProject: true, CanCurate: actor.IsStaffWriter, CanMark: MatchQueries.MayMark(actor, entity, 0), Loading: !engine.IsLoaded,
                CanAct: actor.MayWrite && actor.IsOfficialOf(entity.CityId));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, int organizationId, bool relevant, CancellationToken ct) =>
        await MatchActions.MarkAsync(db, await this.ActorAsync(ct), id, organizationId, relevant, clock, ct)
            ? RedirectToPage(new { id }) : Forbid();

    public async Task<IActionResult> OnPostCurateAsync(int id, int organizationId, bool pinned, bool hidden, bool endorsed, string toggle, CancellationToken ct) =>
        await MatchActions.ToggleAsync(db, await this.ActorAsync(ct), id, organizationId, pinned, hidden, endorsed, toggle, clock, ct)
            ? RedirectToPage(new { id }) : Forbid();
}
