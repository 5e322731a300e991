using CityBridge.Core.Domain;
using CityBridge.Core.Pipeline;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityBridge.Web.Features.My;

/// <summary>The result of acting on a match: a message for people and, for the API, where the new thing lives.</summary>
public sealed record MoveResult(string Message, string? Location = null);

/// <summary>A match as its two sides act on it: the project, the provider and the match's explanation.</summary>
public sealed record MatchPair(PriorityProject Project, int ProviderId, string ProviderName, double Score, string Reason);

/// <summary>
/// What the two sides of a match do next, in one click: request a meeting at an event both attend (or invite the other
/// side to one), start or update an opportunity. Rules, save and notices happen here; pages and the API only call.
/// </summary>
public sealed class MatchMoves(CityBridgeDb db, EventWorkflow events, TimeProvider clock, IOptions<MyOptions> options)
{
    /// <summary>The pair, when <paramref name="actor"/> is one of its sides (the project's city official or the provider) or staff.</summary>
    public async Task<(MatchPair? Pair, Refusal? Refusal)> PairAsync(Actor actor, int projectId, int providerId, CancellationToken ct)
    {
        var project = await MatchQueries.VisibleProjectAsync(db, projectId, actor, ct);
        var match = project is null ? null : await (
            from m in db.Matches.AsNoTracking()
            where m.ProjectId == projectId && m.OrganizationId == providerId
            join o in db.Organizations on m.OrganizationId equals o.Id
            select new { m.Score, m.SignalsJson, o.Name }).FirstOrDefaultAsync(ct);
        if (project is null || match is null)
        {
            return (null, Refusal.NotFound("There is no such match."));
        }

        if (!IsSide(actor, project, providerId) && !actor.IsStaff)
        {
            return (null, Refusal.Denied(actor, "Only the project's city and the provider act on this match."));
        }

        var reason = MatchStrength.Reason(match.SignalsJson);
        return (new MatchPair(project, providerId, match.Name, match.Score, reason), null);
    }

    public static bool IsSide(Actor actor, PriorityProject project, int providerId) =>
        actor.IsOfficialOf(project.CityId) || (actor.IsProvider && actor.ActsFor(providerId));

    /// <summary>
    /// Requests a meeting at the first upcoming event where both sides are registered, with the match's reason as the note.
    /// When the other side is not registered where the actor is, invites them to that event instead.
    /// </summary>
    public async Task<(MoveResult? Done, Refusal? Refusal)> RequestMeetingAsync(Actor actor, int projectId, int providerId, CancellationToken ct)
    {
        var (pair, refusal) = await PairAsync(actor, projectId, providerId, ct);
        if (pair is null)
        {
            return (null, refusal);
        }

        if (!IsSide(actor, pair.Project, providerId) || !actor.MayWrite)
        {
            return (null, Refusal.Denied(actor, "Only the project's city official and the provider request meetings."));
        }

        var otherUsers = await OtherSideAsync(actor, pair, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The actor's registrations at upcoming published events, with the other side's registrations there.
        var mine = await (
            from r in db.EventRegistrations.AsNoTracking()
            where r.UserId == actor.UserId
            join e in db.Events on r.EventId equals e.Id
            where e.IsPublished && e.Sessions.Any(s => s.Date >= today)
            select new { r.EventId, e.Name, First = e.Sessions.Min(s => s.Date) }).ToListAsync(ct);
        if (mine.Count == 0)
        {
            return (null, Refusal.Conflict("Register for an upcoming event first (Events); then request the meeting from here."));
        }

        var eventIds = mine.Select(m => m.EventId).ToList();
        var theirs = await db.EventRegistrations.AsNoTracking()
            .Where(r => eventIds.Contains(r.EventId) && otherUsers.Contains(r.UserId)).Select(r => new { r.Id, r.EventId }).ToListAsync(ct);
        var note = $"About {pair.Project.Title}: {pair.Reason} (match {MatchStrength.Percent(pair.Score)}).";
        var shared = mine.OrderBy(m => m.First).FirstOrDefault(m => theirs.Any(t => t.EventId == m.EventId));
        if (shared is not null)
        {
            var to = theirs.First(t => t.EventId == shared.EventId);
            var (request, refused) = await events.RequestAsync(shared.EventId, actor, to.Id, 2, note, ct);
            return refused is not null ? (null, refused)
                : (new MoveResult($"Meeting requested at {shared.Name}.", $"/api/events/{shared.EventId}/requests/{request!.Id}"), null);
        }

        var first = mine.OrderBy(m => m.First).First();
        var invited = await Notices.QueueAsync(db, otherUsers, NoticeKinds.EventInvitation, _ => new(
            $"invite:{first.EventId}:{actor.UserId}:{pair.Project.Id}:{providerId}",
            new Dictionary<string, string>
            {
                ["from"] = actor.Name,
                ["event"] = first.Name,
                ["topic"] = pair.Project.Title,
                ["link"] = new Uri(options.Value.PublicUrl, $"/Events/Details/{first.EventId}").ToString(),
            }), clock, ct);
        await db.SaveChangesAsync(ct);
        return invited > 0
            ? (new MoveResult($"The other side is not registered for {first.Name} yet: we invited them to register and meet you there."), null)
            : (null, Refusal.Conflict($"The other side is already invited to {first.Name}, or cannot be reached by e-mail."));
    }

    /// <summary>The provider (or staff) starts the pipeline record of a match, or finds the one that exists.</summary>
    public async Task<(Opportunity? Opportunity, Refusal? Refusal)> StartOpportunityAsync(Actor actor, int projectId, int providerId, OpportunityStage stage, CancellationToken ct)
    {
        var (pair, refusal) = await PairAsync(actor, projectId, providerId, ct);
        if (pair is null)
        {
            return (null, refusal);
        }

        if (!Pipeline.OpportunityDefinition.Instance.MayCreate(actor, new Pipeline.OpportunityInput { ProviderId = providerId, ProjectId = projectId }) || !actor.MayWrite)
        {
            return (null, Refusal.Denied(actor, "The provider or program staff start an opportunity."));
        }

        var existing = await db.Opportunities.FirstOrDefaultAsync(o => o.ProjectId == projectId && o.ProviderId == providerId, ct);
        if (existing is not null)
        {
            if (PipelineRules.IsOpen(existing.Stage) && existing.Stage < stage)
            {
                existing.Stage = stage;
                await db.SaveChangesAsync(ct);
            }

            return (existing, null);
        }

        var opportunity = new Opportunity
        {
            ProjectId = projectId,
            ProviderId = providerId,
            Stage = stage,
            Notes = $"Started from a match ({MatchStrength.Percent(pair.Score)}): {pair.Reason}.",
        };
        db.Opportunities.Add(opportunity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, Refusal.Conflict("This opportunity was started at the same moment elsewhere; open it from your start page."));
        }

        return (opportunity, null);
    }

    /// <summary>The provider (or staff) records where a deal stands: its stage and size.</summary>
    public async Task<Refusal?> UpdateOpportunityAsync(Actor actor, int id, OpportunityStage stage, decimal? valueUsd, CancellationToken ct)
    {
        var opportunity = await Pipeline.OpportunityDefinition.Instance.VisibleTo(db.Opportunities, actor).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return Refusal.NotFound($"There is no opportunity {id}.");
        }

        if (!Pipeline.OpportunityDefinition.Instance.MayChange(actor, opportunity) || !actor.MayWrite)
        {
            return Refusal.Denied(actor, "The provider or program staff update an opportunity.");
        }

        if (!Enum.IsDefined(stage))
        {
            return Refusal.Invalid("Stage must be Introduced, Met, Proposal, Tender, Won or Lost.", "stage");
        }

        var wonOn = stage == OpportunityStage.Won ? opportunity.WonOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : (DateOnly?)null;
        var products = stage == OpportunityStage.Won ? opportunity.Products ?? "As agreed in the contract" : opportunity.Products;
        if (PipelineRules.Check(stage, valueUsd, wonOn, products) is [var problem, ..])
        {
            return Refusal.Invalid(problem.Message, problem.Field);
        }

        opportunity.Stage = stage;
        opportunity.ValueUsd = valueUsd;
        opportunity.WonOn = wonOn;
        opportunity.Products = products;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// From a meeting the actor took part in: the opportunity (at least at stage Met) between the provider and the city
    /// project that best matches it.
    /// </summary>
    public async Task<(Opportunity? Opportunity, Refusal? Refusal)> FromMeetingAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var sides = await (
            from m in db.EventMeetings.AsNoTracking()
            where m.Id == meetingId && !m.Cancelled
            join a in db.EventRegistrations on m.FirstRegistrationId equals a.Id
            join b in db.EventRegistrations on m.SecondRegistrationId equals b.Id
            where a.UserId == actor.UserId || b.UserId == actor.UserId
            select new { First = a.OrganizationId, Second = b.OrganizationId }).FirstOrDefaultAsync(ct);
        if (sides is null)
        {
            return (null, Refusal.NotFound($"You have no meeting {meetingId}."));
        }

        var orgIds = new[] { sides.First, sides.Second };
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).Select(o => new { o.Id, o.Kind, o.CityId }).ToListAsync(ct);
        var provider = orgs.FirstOrDefault(o => o.Kind == OrganizationKind.Provider);
        var city = orgs.FirstOrDefault(o => o.Kind == OrganizationKind.CityGovernment);
        var projectId = provider is null || city?.CityId is null ? null : await (
            from m in db.Matches.AsNoTracking()
            where m.OrganizationId == provider.Id
            join p in db.Projects on m.ProjectId equals p.Id
            where p.CityId == city.CityId
            orderby m.Score descending
            select (int?)p.Id).FirstOrDefaultAsync(ct);
        return projectId is null
            ? (null, Refusal.Conflict("This meeting is not between a provider and a city project it matches; record the opportunity in Pipeline."))
            : await StartOpportunityAsync(actor, projectId.Value, provider!.Id, OpportunityStage.Met, ct);
    }

    /// <summary>The users on the other side: the provider's people for a city official, the city's officials for a provider.</summary>
    private async Task<List<string>> OtherSideAsync(Actor actor, MatchPair pair, CancellationToken ct)
    {
        if (actor.IsProvider && actor.ActsFor(pair.ProviderId))
        {
            var cityOrgs = db.Organizations.Where(o => o.CityId == pair.Project.CityId && o.Kind == OrganizationKind.CityGovernment).Select(o => (int?)o.Id);
            return await db.Users.Where(u => cityOrgs.Contains(u.OrganizationId)).Select(u => u.Id).ToListAsync(ct);
        }

        return await db.Users.Where(u => u.OrganizationId == pair.ProviderId).Select(u => u.Id).ToListAsync(ct);
    }
}
