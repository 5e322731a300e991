using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Matching;

/// <summary>The form posts of the match list (mark, curate), shared by the project and the provider pages.</summary>
public static class MatchActions
{
    /// <summary>Records a mark if the actor may; false when not allowed or the pair does not exist.</summary>
    public static async Task<bool> MarkAsync(CityBridgeDb db, Actor actor, int projectId, int organizationId, bool relevant, TimeProvider clock, CancellationToken ct)
    {
        var project = await MatchQueries.VisibleProjectAsync(db, projectId, actor, ct);
        if (project is null || !MatchQueries.MayMark(actor, project, organizationId) || !await db.Matches.AnyAsync(m => m.ProjectId == projectId && m.OrganizationId == organizationId, ct))
        {
            return false;
        }

        await MatchQueries.MarkAsync(db, projectId, organizationId, actor, relevant, clock, ct);
        return true;
    }

    /// <summary>Flips one curation flag (pinned, hidden or endorsed) for staff.</summary>
    public static async Task<bool> ToggleAsync(CityBridgeDb db, Actor actor, int projectId, int organizationId, bool pinned, bool hidden, bool endorsed, string toggle, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsStaffWriter || !await db.Matches.AnyAsync(m => m.ProjectId == projectId && m.OrganizationId == organizationId, ct))
        {
            return false;
        }

        switch (toggle)
        {
            case "pinned": pinned = !pinned; break;
            case "hidden": hidden = !hidden; break;
            case "endorsed": endorsed = !endorsed; break;
            default: return false;
        }

        await MatchQueries.CurateAsync(db, projectId, organizationId, actor, pinned, hidden, endorsed, clock, ct);
        return true;
    }
}
