using CityBridge.Core.Domain;
using CityBridge.Core.Matching;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Matching;

/// <summary>One suggested pair as pages and the API show it.</summary>
public sealed record MatchItem(
    int ProjectId, string ProjectTitle, string CityName, int OrganizationId, string OrganizationName, int Rank, double Score, string? BestSolution,
    IReadOnlyList<MatchSignal> Signals, bool Pinned, bool Hidden, bool Endorsed, bool? MyMark)
{
    /// <summary>Strong, possible or weak (thresholds in MatchFit, docs/matching.md); lists may fold the weak ones.</summary>
    public FitLabel Fit => MatchFit.Of(Score);

    /// <summary>What fits, the words both texts use and what counts against the provider, in plain words.</summary>
    public MatchExplanation Explanation => MatchExplanation.Of(Score, Signals);
}

/// <summary>An open event as a provider sees it: its best-fitting registered city project.</summary>
public sealed record OpenEventFit(int EventId, string Name, string? Venue, double? BestFit, string? BestProject, int CitiesRegistered);

/// <summary>Who may see and act on matches, and the queries behind the pages and the API.</summary>
public static class MatchQueries
{
    /// <summary>A project's suggested providers are for the program and the project's own people, not for competing providers.</summary>
    public static bool MayViewProjectMatches(Actor actor, PriorityProject project) =>
        actor.IsStaff || actor.IsOfficialOf(project.CityId) || actor.AssignedProjectIds.Contains(project.Id);

    /// <summary>A provider's leads are its own.</summary>
    public static bool MayViewProviderMatches(Actor actor, int organizationId) =>
        actor.IsStaff || (actor.IsProvider && actor.ActsFor(organizationId));

    public static bool MayMark(Actor actor, PriorityProject project, int organizationId) =>
        actor.MayWrite && (MayViewProjectMatches(actor, project) || (actor.IsProvider && actor.ActsFor(organizationId)));

    /// <summary>The project with its city, if <paramref name="actor"/> may see it.</summary>
    public static async Task<PriorityProject?> VisibleProjectAsync(CityBridgeDb db, int projectId, Actor actor, CancellationToken ct) =>
        await ProjectDefinition.Instance.VisibleTo(db.Projects.AsNoTracking().Include(p => p.City), actor).FirstOrDefaultAsync(p => p.Id == projectId, ct);

    /// <summary>The project's suggestions: pinned first, then by rank; hidden ones only for staff (flagged).</summary>
    public static async Task<List<MatchItem>> ForProjectAsync(CityBridgeDb db, PriorityProject project, Actor actor, int top, CancellationToken ct)
    {
        var rows = await (
            from m in db.Matches.AsNoTracking()
            where m.ProjectId == project.Id
            join o in db.Organizations on m.OrganizationId equals o.Id
            select new { Match = m, o.Name }).ToListAsync(ct);
        var curations = await db.MatchCurations.AsNoTracking().Where(c => c.ProjectId == project.Id).ToDictionaryAsync(c => c.OrganizationId, ct);
        var marks = await MyMarksAsync(db, actor, project.Id, null, ct);
        var cityName = project.City?.Name ?? await db.Cities.Where(c => c.Id == project.CityId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        return rows
            .Select(r => Item(r.Match, project.Title, cityName, r.Name, curations.GetValueOrDefault(r.Match.OrganizationId), marks))
            .Where(i => actor.IsStaff || !i.Hidden)
            .OrderByDescending(i => i.Pinned).ThenBy(i => i.Hidden).ThenBy(i => i.Rank)
            .Take(top)
            .ToList();
    }

    /// <summary>The provider's best-fitting city projects that the actor may see, best first.</summary>
    public static async Task<List<MatchItem>> ForProviderAsync(CityBridgeDb db, int organizationId, Actor actor, int top, CancellationToken ct)
    {
        var visible = ProjectDefinition.Instance.VisibleTo(db.Projects.AsNoTracking(), actor);
        var rows = await (
            from m in db.Matches.AsNoTracking()
            where m.OrganizationId == organizationId
            join p in visible on m.ProjectId equals p.Id
            join o in db.Organizations on m.OrganizationId equals o.Id
            orderby m.Score descending, m.ProjectId
            select new { Match = m, p.Title, City = p.City!.Name, o.Name }).Take(top * 2).ToListAsync(ct);
        var projectIds = rows.Select(r => r.Match.ProjectId).ToList();
        var curations = await db.MatchCurations.AsNoTracking()
            .Where(c => c.OrganizationId == organizationId && projectIds.Contains(c.ProjectId)).ToDictionaryAsync(c => c.ProjectId, ct);
        var marks = await MyMarksAsync(db, actor, null, organizationId, ct);
        return rows
            .Select(r => Item(r.Match, r.Title, r.City, r.Name, curations.GetValueOrDefault(r.Match.ProjectId), marks))
            .Where(i => actor.IsStaff || !i.Hidden)
            .OrderByDescending(i => i.Pinned).ThenByDescending(i => i.Score).ThenBy(i => i.ProjectId)
            .Take(top)
            .ToList();
    }

    /// <summary>
    /// Open matchmaking events ranked for a provider: by the best stored match between the provider and the projects of
    /// the cities whose officials are registered, so a provider sees where the cities that need it will be.
    /// </summary>
    public static async Task<List<OpenEventFit>> OpenEventsForProviderAsync(CityBridgeDb db, int organizationId, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking().Where(e => e.IsPublished).Select(e => new { e.Id, e.Name, e.Venue }).ToListAsync(ct);
        var eventIds = events.Select(e => e.Id).ToList();
        var cityRegistrations = await (
            from r in db.EventRegistrations.AsNoTracking()
            where eventIds.Contains(r.EventId) && r.OrganizationId != null
            join o in db.Organizations on r.OrganizationId equals o.Id
            where o.CityId != null
            select new { r.EventId, CityId = o.CityId!.Value }).ToListAsync(ct);
        var cityIds = cityRegistrations.Select(c => c.CityId).Distinct().ToList();
        var fits = await (
            from m in db.Matches.AsNoTracking()
            where m.OrganizationId == organizationId
            join p in db.Projects on m.ProjectId equals p.Id
            where cityIds.Contains(p.CityId) && p.IsPublished
            select new { p.CityId, p.Title, m.Score }).ToListAsync(ct);
        return events
            .Select(e =>
            {
                var cities = cityRegistrations.Where(c => c.EventId == e.Id).Select(c => c.CityId).ToHashSet();
                var best = fits.Where(f => cities.Contains(f.CityId)).OrderByDescending(f => f.Score).FirstOrDefault();
                return new OpenEventFit(e.Id, e.Name, e.Venue, best?.Score, best?.Title, cities.Count);
            })
            .OrderByDescending(e => e.BestFit ?? -1).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<Dictionary<(int, int), bool>> MyMarksAsync(CityBridgeDb db, Actor actor, int? projectId, int? organizationId, CancellationToken ct)
    {
        if (actor.UserId is null)
        {
            return [];
        }

        var query = db.MatchMarks.AsNoTracking().Where(m => m.UserId == actor.UserId);
        query = projectId is { } p ? query.Where(m => m.ProjectId == p) : query.Where(m => m.OrganizationId == organizationId);
        return (await query.ToListAsync(ct)).ToDictionary(m => (m.ProjectId, m.OrganizationId), m => m.Relevant);
    }

    private static MatchItem Item(StoredMatch m, string title, string city, string organization, MatchCuration? curation, Dictionary<(int, int), bool> marks) => new(
        m.ProjectId, title, city, m.OrganizationId, organization, m.Rank, m.Score, m.BestSolution, MatchingEngine.ReadSignals(m.SignalsJson),
        curation?.Pinned ?? false, curation?.Hidden ?? false, curation?.Endorsed ?? false,
        marks.TryGetValue((m.ProjectId, m.OrganizationId), out var mark) ? mark : null);

    /// <summary>Records a person's mark on a pair (replacing their earlier one), with the pair's signals at that moment.</summary>
    public static async Task MarkAsync(CityBridgeDb db, int projectId, int organizationId, Actor actor, bool relevant, TimeProvider clock, CancellationToken ct)
    {
        var signals = await db.Matches.AsNoTracking().Where(m => m.ProjectId == projectId && m.OrganizationId == organizationId).Select(m => m.SignalsJson).FirstOrDefaultAsync(ct);
        var mark = await db.MatchMarks.FirstOrDefaultAsync(m => m.ProjectId == projectId && m.OrganizationId == organizationId && m.UserId == actor.UserId, ct);
        if (mark is null)
        {
            mark = new MatchMark { ProjectId = projectId, OrganizationId = organizationId, UserId = actor.UserId! };
            db.MatchMarks.Add(mark);
        }

        mark.Relevant = relevant;
        mark.SignalsJson = signals ?? mark.SignalsJson;
        mark.MarkedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets staff's curation flags on a pair.</summary>
    public static async Task CurateAsync(CityBridgeDb db, int projectId, int organizationId, Actor actor, bool pinned, bool hidden, bool endorsed, TimeProvider clock, CancellationToken ct)
    {
        var curation = await db.MatchCurations.FirstOrDefaultAsync(c => c.ProjectId == projectId && c.OrganizationId == organizationId, ct);
        if (curation is null)
        {
            curation = new MatchCuration { ProjectId = projectId, OrganizationId = organizationId, ChangedBy = actor.Name };
            db.MatchCurations.Add(curation);
        }

        curation.Pinned = pinned;
        curation.Hidden = hidden;
        curation.Endorsed = endorsed;
        curation.ChangedBy = actor.Name;
        curation.ChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The weights in force (the documented defaults until staff save some) and the version to send back.</summary>
    public static async Task<(MatchWeights Weights, Guid? Version)> SettingsAsync(CityBridgeDb db, CancellationToken ct) =>
        await db.MatchSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == 1, ct) is { } s
            ? (new MatchWeights(s.Sector, s.Semantic, s.Keyword, s.Country, s.Standards, s.Stage, s.Budget), s.Version)
            : (MatchWeights.Default, null);

    public static async Task<MatchWeights> WeightsAsync(CityBridgeDb db, CancellationToken ct) => (await SettingsAsync(db, ct)).Weights;

    /// <summary>
    /// Every judged pair with its latest mark (when several people mark one pair, the latest judgement counts) and its
    /// signal values: from the stored match, or from the mark itself when the pair has left the top list.
    /// </summary>
    public static async Task<List<MarkedPair>> MarkedPairsAsync(CityBridgeDb db, CancellationToken ct)
    {
        // SQLite cannot order by DateTimeOffset: order the (few) marks here.
        var marks = (await db.MatchMarks.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.MarkedAt).ThenBy(m => m.Id).ToList();
        var pairs = marks.Select(m => (m.ProjectId, m.OrganizationId)).ToHashSet();
        var projectIds = pairs.Select(p => p.ProjectId).Distinct().ToList();
        var stored = (await db.Matches.AsNoTracking().Where(m => projectIds.Contains(m.ProjectId)).ToListAsync(ct))
            .Where(m => pairs.Contains((m.ProjectId, m.OrganizationId)))
            .ToDictionary(m => (m.ProjectId, m.OrganizationId), m => m.SignalsJson);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return marks
            .GroupBy(m => (m.ProjectId, m.OrganizationId))
            .Select(g =>
            {
                var json = stored.GetValueOrDefault(g.Key) ?? g.Select(m => m.SignalsJson).LastOrDefault(j => j is not null);
                IReadOnlyDictionary<string, double> values = json is null ? new Dictionary<string, double>() : MatchingEngine.ReadSignals(json).ToDictionary(s => s.Name, s => s.Value);
                return new MarkedPair(g.Key.ProjectId.ToString(invariant), g.Key.OrganizationId.ToString(invariant), g.Last().Relevant, values);
            })
            .ToList();
    }

    /// <summary>Precision@5 and nDCG@10 of the given weights over everyone's marks (the latest mark per pair).</summary>
    public static async Task<RelevanceScores> EvaluateAsync(CityBridgeDb db, MatchWeights weights, CancellationToken ct) =>
        Evaluate(await MarkedPairsAsync(db, ct), weights);

    public static RelevanceScores Evaluate(IReadOnlyList<MarkedPair> pairs, MatchWeights weights)
    {
        var w = weights.Normalized();
        var values = pairs.ToDictionary(p => (p.ProjectId, p.ProviderId), p => p.Values);
        return RelevanceEvaluation.Evaluate(
            pairs.Select(p => new RelevanceMark(p.ProjectId, p.ProviderId, p.Relevant)),
            (project, provider) => MatchScoring.Score(w, values[(project, provider)]));
    }
}
