using System.Linq.Expressions;
using CityBridge.Core.Domain;
using CityBridge.Core.Pipeline;
using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityBridge.Web.Features.My;

/// <summary>A suggested pair on a start page: strong or weak, with the one-line reason.</summary>
public sealed record MatchLine(int ProjectId, string ProjectTitle, string CityName, int OrganizationId, string OrganizationName, double Score, string Strength, string Reason);

/// <summary>A project on its city's (or expert's) start page: readiness, what is missing, and its best providers.</summary>
public sealed record ProjectCard(int Id, string Title, ProjectStage Stage, bool IsPublished, IReadOnlyList<string> Assessed, IReadOnlyList<string> Missing,
    IReadOnlyList<MatchLine> Strong, IReadOnlyList<MatchLine> Weak);

/// <summary>A meeting request waiting for the viewer's answer, or one the viewer sent.</summary>
public sealed record RequestLine(int Id, int EventId, string EventName, string Other, string? Message, int Priority, MeetingRequestStatus Status, DateTimeOffset ExpiresAt);

/// <summary>One of the viewer's meetings: with whom, where and (once published) when, in the viewer's time zone.</summary>
public sealed record MeetingLine(int Id, int EventId, string EventName, string With, int? WithOrganizationId, string When, int? Table, bool Held);

/// <summary>A program the viewer takes part in.</summary>
public sealed record ProgramLine(int Id, string Name, DateOnly StartDate, DateOnly EndDate, RegistrationStatus Status);

/// <summary>A pipeline record on a start page.</summary>
public sealed record OpportunityLine(int Id, int ProjectId, string ProjectTitle, int ProviderId, string ProviderName, OpportunityStage Stage, decimal? ValueUsd);

/// <summary>The pipeline's totals per stage.</summary>
public sealed record StageTotal(OpportunityStage Stage, int Count, decimal ValueUsd);

/// <summary>A new interest to triage.</summary>
public sealed record InterestLine(int Id, string Name, string Organization);

/// <summary>A program with registrations waiting for a decision.</summary>
public sealed record ProgramWaiting(int ProgramId, string Program, int Waiting);

/// <summary>An upcoming event with meetings to place or a schedule to publish.</summary>
public sealed record EventWork(int EventId, string Event, int Unplaced, bool SchedulePublished);

/// <summary>Staff's work of the day.</summary>
public sealed record StaffWork(
    int NewInterests, IReadOnlyList<InterestLine> LatestInterests, IReadOnlyList<ProgramWaiting> RegistrationsToApprove,
    IReadOnlyList<EventWork> EventsToSchedule, int FailedEmails, IReadOnlyList<OpportunityLine> QuietOpportunities);

/// <summary>Everything on one person's start page. Panels a role does not have are empty or null.</summary>
public sealed record Workspace(
    string Role, string Name,
    IReadOnlyList<ProjectCard> Projects,
    int ProjectsTotal,
    IReadOnlyList<MatchLine> Fits,
    IReadOnlyList<string> ProfileHints,
    IReadOnlyList<RequestLine> RequestsWaiting,
    IReadOnlyList<RequestLine> RequestsSent,
    IReadOnlyList<MeetingLine> Meetings,
    IReadOnlyList<ProgramLine> Programs,
    IReadOnlyList<OpportunityLine> Opportunities,
    IReadOnlyList<StageTotal> Pipeline,
    IReadOnlyList<ConversationLine> Conversations,
    StaffWork? Staff);

/// <summary>
/// Builds a start page from the same visibility rules as the rest of the app (projects, matches, pipeline, events); one
/// query per panel, whatever the number of rows.
/// </summary>
public sealed class WorkspaceQueries(CityBridgeDb db, Conversations conversations, DirectoryCache directory, TimeProvider clock, IOptions<MyOptions> options)
{
    /// <summary>Matches per project on a city's start page.</summary>
    public const int MatchesPerProject = 6;

    /// <summary>
    /// Project cards on a start page, newest first; a city with more links to its full list. A large city's hundreds of
    /// cards, each with its matches, made the page slow and long (docs/benchmarks.md, start pages under load).
    /// </summary>
    public const int ProjectsShown = 10;

    /// <summary>Opportunities count as quiet when nothing changed for this many days.</summary>
    public const int QuietDays = 30;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Workspace> BuildAsync(Actor actor, CancellationToken ct)
    {
        var name = actor.FullName ?? actor.Name;
        var role = actor.IsStaff ? Roles.Staff : actor.IsCityOfficial ? Roles.CityOfficial : actor.IsProvider ? Roles.Provider : actor.Roles.Contains(Roles.Expert) ? Roles.Expert : "Member";
        (List<ProjectCard> Cards, int Total) projects = ([], 0);
        if (actor.IsCityOfficial && actor.CityId is { } cityId)
        {
            projects = await ProjectCardsAsync(cityId, [], actor, withMatches: true, ct);
        }
        else if (actor.AssignedProjectIds.Count > 0)
        {
            projects = await ProjectCardsAsync(-1, [.. actor.AssignedProjectIds], actor, withMatches: false, ct);
        }

        var provider = actor.IsProvider ? actor.OrganizationId : null;
        var fits = provider is { } org ? await FitsAsync(org, actor, ct) : [];
        var hints = provider is { } org2 ? await ProfileHintsAsync(org2, ct) : [];
        var (waiting, sent) = await RequestsAsync(actor, ct);
        var opportunities = actor.IsCityOfficial || actor.IsProvider ? await OpportunitiesAsync(actor, ct) : [];
        var pipeline = opportunities.GroupBy(o => o.Stage).OrderBy(g => g.Key)
            .Select(g => new StageTotal(g.Key, g.Count(), g.Sum(o => o.ValueUsd ?? 0))).ToList();
        return new Workspace(role, name, projects.Cards, projects.Total, fits, hints, waiting, sent, await MeetingsAsync(actor, ct), await ProgramsAsync(actor, ct),
            opportunities, pipeline, actor.IsSignedIn ? await conversations.ListAsync(actor, 8, ct) : [], actor.IsStaff ? await StaffWorkAsync(ct) : null);
    }

    /// <summary>The cards of a city's projects (<paramref name="cityId"/>; −1: none) or of given ones, among those the actor may see.</summary>
    private async Task<(List<ProjectCard> Cards, int Total)> ProjectCardsAsync(int cityId, List<int> projectIds, Actor actor, bool withMatches, CancellationToken ct)
    {
        var queries = (cityId >= 0, actor.IsStaff) switch
        {
            (true, false) => CityCardsForReader,
            (true, true) => CityCardsForStaff,
            (false, false) => ListedCardsForReader,
            (false, true) => ListedCardsForStaff,
        };
        var (ownCity, assigned) = (ProjectDefinition.ReaderCity(actor), ProjectDefinition.ReaderAssignments(actor));
        var total = await queries.Count.For(db)(db, ownCity, assigned, cityId, projectIds, ct);
        var projects = await queries.Rows.For(db)(db, ownCity, assigned, cityId, projectIds).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var assessed = (await AssessedPartsOf.For(db)(db, ids).ToListAsync(ct)).ToLookup(a => a.ProjectId, a => a.Part);
        var matches = withMatches ? await MatchLinesAsync(ids, ct) : [];
        var cards = projects.Select(p =>
        {
            var done = assessed[p.Id].ToHashSet();
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(p.Description))
            {
                missing.Add("a description");
            }

            if (p.BudgetUsd is null)
            {
                missing.Add("a budget");
            }

            if (p.StartDate is null)
            {
                missing.Add("a start date");
            }

            missing.AddRange(Enum.GetValues<ReadinessPart>().Where(part => !done.Contains(part)).Select(part => part switch
            {
                ReadinessPart.Plan => "the project plan",
                ReadinessPart.Finance => "the finance plan",
                ReadinessPart.Procurement => "the procurement assessment",
                _ => "the cyber self-assessment",
            }));
            var mine = matches.Where(m => m.ProjectId == p.Id).ToList();
            return new ProjectCard(p.Id, p.Title, p.Stage, p.IsPublished, [.. done.Order().Select(d => d.ToString())], missing,
                [.. mine.Where(m => MatchStrength.IsStrong(m.Score))], [.. mine.Where(m => !MatchStrength.IsStrong(m.Score))]);
        }).ToList();
        return (cards, total);
    }

    /// <summary>The top stored matches of the given projects, without those staff hid: one query.</summary>
    private async Task<List<MatchLine>> MatchLinesAsync(List<int> projectIds, CancellationToken ct) =>
        (await TopMatchesOf.For(db)(db, projectIds).ToListAsync(ct))
            .OrderBy(r => r.ProjectId).ThenByDescending(r => r.Score).ThenBy(r => r.Rank)
            .Select(r => r.ToLine()).ToList();

    /// <summary>City projects that fit the provider, best first, among those the provider may see.</summary>
    private async Task<List<MatchLine>> FitsAsync(int organizationId, Actor actor, CancellationToken ct) =>
        (await (actor.IsStaff ? FitsForStaff : FitsForReader).For(db)(db, ProjectDefinition.ReaderCity(actor), ProjectDefinition.ReaderAssignments(actor), organizationId).ToListAsync(ct))
            .Select(r => r.ToLine()).ToList();

    /// <summary>
    /// What would widen the provider's reach: the sectors with the most published city projects that neither the provider
    /// nor any of its solutions works in, with how many projects that is.
    /// </summary>
    private async Task<List<string>> ProfileHintsAsync(int organizationId, CancellationToken ct)
    {
        var profile = await ProviderProfileOf.For(db)(db, organizationId, ct);
        if (profile is null)
        {
            return [];
        }

        var hints = new List<string>();
        if (profile.Solutions.Count == 0)
        {
            hints.Add("Add your first solution: projects are matched to what you offer.");
        }

        if (string.IsNullOrWhiteSpace(profile.Description))
        {
            hints.Add("Describe your company: the description feeds the semantic match.");
        }

        var covered = profile.Sectors.Concat(profile.Solutions.SelectMany(s => s)).ToHashSet(StringComparer.Ordinal);
        // Every provider's page needs the same counts over all published projects: read them once per directory version.
        var projectsPerSector = await directory.SharedAsync(db, "published projects per sector", async token =>
            (await db.Projects.AsNoTracking().Where(p => p.IsPublished).Select(p => p.Sectors).ToListAsync(token))
                .SelectMany(s => s.Distinct()).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), ct);
        hints.AddRange(projectsPerSector.Where(s => !covered.Contains(s.Key))
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(2)
            .Select(s => $"Add a solution in {SectorTaxonomy.NameOf(s.Key)} to be matched on sector to {s.Value} more city project{(s.Value == 1 ? "" : "s")}."));
        return hints;
    }

    private async Task<(List<RequestLine> Waiting, List<RequestLine> Sent)> RequestsAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is null)
        {
            return ([], []);
        }

        var rows = await RequestRowsOf.For(db)(db, actor.UserId).ToListAsync(ct);
        var expiry = options.Value.RequestExpiry;
        var waiting = rows.Where(r => r.Incoming).Select(r => new RequestLine(r.Id, r.EventId, r.EventName, EventWorkflow.Label(r.From), r.Message, r.Priority, r.Status, r.CreatedAt + expiry)).ToList();
        var sent = rows.Where(r => !r.Incoming).Take(10).Select(r => new RequestLine(r.Id, r.EventId, r.EventName, EventWorkflow.Label(r.To), r.Message, r.Priority, r.Status, r.CreatedAt + expiry)).ToList();
        return (waiting, sent);
    }

    /// <summary>The viewer's meetings at events that have not ended, with slot times once the schedule is published.</summary>
    private async Task<List<MeetingLine>> MeetingsAsync(Actor actor, CancellationToken ct)
    {
        if (actor.UserId is null)
        {
            return [];
        }

        var since = Today.AddDays(-14);
        var rows = await MeetingRowsOf.For(db)(db, actor.UserId).ToListAsync(ct);
        var eventIds = rows.Select(r => r.Meeting.EventId).Distinct().ToList();
        var events = eventIds.Count == 0 ? [] : await EventsWithSessionsSince.For(db)(db, eventIds, since).ToDictionaryAsync(e => e.Id, cancellationToken: ct);
        var now = clock.GetUtcNow();
        return rows.Where(r => events.ContainsKey(r.Meeting.EventId)).Select(r => new { r.Meeting, Me = r.A.UserId == actor.UserId ? r.A : r.B, Other = r.A.UserId == actor.UserId ? r.B : r.A, Event = events[r.Meeting.EventId] }).Select(r =>
        {
            var slot = r.Event.SchedulePublished && r.Meeting.SlotIndex is { } i ? EventWorkflow.Slots(r.Event).ElementAtOrDefault(i) : null;
            var zone = EventWorkflow.ZoneOf(r.Me.TimeZone ?? r.Event.TimeZone);
            var when = slot is null ? "to be scheduled" : $"{EventWorkflow.ShownAt(slot.Start.ToDateTimeOffset(), zone, "")} ({zone.Id})";
            return (Start: slot?.Start.ToDateTimeOffset(), Line: new MeetingLine(r.Meeting.Id, r.Event.Id, r.Event.Name, EventWorkflow.Label(r.Other), r.Other.OrganizationId,
                when, slot is null ? null : r.Meeting.Table, slot is not null && slot.End.ToDateTimeOffset() < now));
        }).OrderBy(x => x.Start ?? DateTimeOffset.MaxValue).Select(x => x.Line).ToList();
    }

    private async Task<List<ProgramLine>> ProgramsAsync(Actor actor, CancellationToken ct) =>
        actor.UserId is null ? [] : await ProgramsOf.For(db)(db, actor.UserId, Today).ToListAsync(ct);

    private async Task<List<OpportunityLine>> OpportunitiesAsync(Actor actor, CancellationToken ct) =>
        await (actor.IsStaff ? OpportunitiesForStaff : OpportunitiesForSide).For(db)(db, OpportunityDefinition.SideProvider(actor), ProjectDefinition.ReaderCity(actor)).ToListAsync(ct);

    private async Task<StaffWork> StaffWorkAsync(CancellationToken ct)
    {
        var today = Today;
        var interests = await db.Interests.AsNoTracking().Where(i => i.Status == Interests.InterestStatus.New).OrderByDescending(i => i.Id)
            .Select(i => new { i.Id, i.FullName, i.OrganizationName, Total = db.Interests.Count(x => x.Status == Interests.InterestStatus.New) }).Take(5).ToListAsync(ct);
        var registrations = await db.Programs.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.StartDate, Waiting = db.ProgramRegistrations.Count(r => r.ProgramId == p.Id && r.Status == RegistrationStatus.Applied) })
            .Where(p => p.Waiting > 0).OrderBy(p => p.StartDate).ThenBy(p => p.Id).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.Sessions.Any(s => s.Date >= today))
            .Select(e => new
            {
                e.Id,
                e.Name,
                e.SchedulePublished,
                Unplaced = db.EventMeetings.Count(m => m.EventId == e.Id && !m.Cancelled && m.SlotIndex == null),
                Placed = db.EventMeetings.Count(m => m.EventId == e.Id && !m.Cancelled && m.SlotIndex != null),
            })
            .Where(e => e.Unplaced > 0 || (!e.SchedulePublished && e.Placed > 0)).OrderBy(e => e.Id).ToListAsync(ct);
        var failed = await db.Outbox.CountAsync(m => m.SentAt == null && m.Attempts >= OutboxMessage.MaxAttempts, ct);
        // SQLite cannot compare instants: open opportunities come with their last change, the quiet ones are picked here.
        var cutoff = clock.GetUtcNow().AddDays(-QuietDays);
        var open = await db.Opportunities.AsNoTracking().Where(o => o.Stage != OpportunityStage.Won && o.Stage != OpportunityStage.Lost)
            .Select(o => new { Line = new OpportunityLine(o.Id, o.ProjectId, o.Project!.Title, o.ProviderId, o.Provider!.Name, o.Stage, o.ValueUsd), o.UpdatedAt }).ToListAsync(ct);
        return new StaffWork(
            interests.FirstOrDefault()?.Total ?? 0, [.. interests.Select(i => new InterestLine(i.Id, i.FullName, i.OrganizationName))],
            [.. registrations.Select(r => new ProgramWaiting(r.Id, r.Name, r.Waiting))],
            [.. events.Select(e => new EventWork(e.Id, e.Name, e.Unplaced, e.SchedulePublished))],
            failed, [.. open.Where(o => o.UpdatedAt < cutoff).OrderBy(o => o.UpdatedAt).Take(10).Select(o => o.Line)]);
    }

    // The start page's per-person queries run on every visit, so they are compiled (once per model): no expression tree is
    // built and looked up per request, which was the largest share of the app's CPU under load (docs/benchmarks.md).
    private sealed class RequestRow
    {
        public int Id { get; init; }

        public int EventId { get; init; }

        public string EventName { get; init; } = "";

        public bool Incoming { get; init; }

        public required EventRegistration From { get; init; }

        public required EventRegistration To { get; init; }

        public string? Message { get; init; }

        public int Priority { get; init; }

        public MeetingRequestStatus Status { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class MeetingRow
    {
        public required EventMeeting Meeting { get; init; }

        public required EventRegistration A { get; init; }

        public required EventRegistration B { get; init; }
    }

    private sealed class ProviderProfile
    {
        public List<string> Sectors { get; init; } = [];

        public string? Description { get; init; }

        public List<List<string>> Solutions { get; init; } = [];
    }

    /// <summary>A provider's sectors, description and its solutions' sectors.</summary>
    private static readonly CompiledPerModel<Func<CityBridgeDb, int, CancellationToken, Task<ProviderProfile?>>> ProviderProfileOf = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, int organizationId, CancellationToken ct) => db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new ProviderProfile { Sectors = o.Sectors, Description = o.Description, Solutions = db.Solutions.Where(s => s.OrganizationId == o.Id).Select(s => s.Sectors).ToList() })
            .FirstOrDefault()));

    /// <summary>Requests waiting for the user's answer and those the user sent, newest first.</summary>
    private static readonly CompiledPerModel<Func<CityBridgeDb, string, IAsyncEnumerable<RequestRow>>> RequestRowsOf = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, string userId) => (
            from r in db.MeetingRequests.AsNoTracking()
            join f in db.EventRegistrations on r.FromRegistrationId equals f.Id
            join t in db.EventRegistrations on r.ToRegistrationId equals t.Id
            join e in db.Events on r.EventId equals e.Id
            where (t.UserId == userId && r.Status == MeetingRequestStatus.Requested) || f.UserId == userId
            orderby r.Id descending
            select new RequestRow { Id = r.Id, EventId = r.EventId, EventName = e.Name, Incoming = t.UserId == userId, From = f, To = t, Message = r.Message, Priority = r.Priority, Status = r.Status, CreatedAt = r.CreatedAt })
            .Take(40)));

    /// <summary>The user's meetings that are not cancelled, with both sides' registrations.</summary>
    private static readonly CompiledPerModel<Func<CityBridgeDb, string, IAsyncEnumerable<MeetingRow>>> MeetingRowsOf = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, string userId) =>
            from m in db.EventMeetings.AsNoTracking()
            join a in db.EventRegistrations on m.FirstRegistrationId equals a.Id
            join b in db.EventRegistrations on m.SecondRegistrationId equals b.Id
            where !m.Cancelled && (a.UserId == userId || b.UserId == userId)
            select new MeetingRow { Meeting = m, A = a, B = b }));

    /// <summary>The given events with their sessions, if one of their sessions is on or after <c>since</c>.</summary>
    private static readonly CompiledPerModel<Func<CityBridgeDb, List<int>, DateOnly, IAsyncEnumerable<MatchmakingEvent>>> EventsWithSessionsSince = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, List<int> eventIds, DateOnly since) => db.Events.AsNoTracking().Include(e => e.Sessions)
            .Where(e => eventIds.Contains(e.Id) && e.Sessions.Any(s => s.Date >= since))));

    /// <summary>The programs the user takes part in that have not ended, soonest first.</summary>
    private static readonly CompiledPerModel<Func<CityBridgeDb, string, DateOnly, IAsyncEnumerable<ProgramLine>>> ProgramsOf = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, string userId, DateOnly today) => (
            from r in db.ProgramRegistrations.AsNoTracking()
            where r.UserId == userId && r.Status != RegistrationStatus.Cancelled
            join p in db.Programs on r.ProgramId equals p.Id
            where p.EndDate >= today
            orderby p.StartDate, p.Id
            select new ProgramLine(p.Id, p.Name, p.StartDate, p.EndDate, r.Status)).Take(10)));

    private sealed record ProjectRow(int Id, string Title, ProjectStage Stage, bool IsPublished, decimal? BudgetUsd, DateOnly? StartDate, string? Description);

    private sealed record AssessedPart(int ProjectId, ReadinessPart Part);

    private sealed record MatchRow(int ProjectId, string Title, string City, int OrganizationId, string Name, double Score, string SignalsJson, int Rank)
    {
        public MatchLine ToLine() => new(ProjectId, Title, City, OrganizationId, Name, Score, MatchStrength.Label(Score), MatchStrength.Reason(SignalsJson));
    }

    // The start page runs on every visit, so its panels are compiled queries (docs/benchmarks.md). Those that depend on what
    // the reader may see are written once over the visible projects (or opportunities) and compiled twice: with the
    // readers' rule (ProjectDefinition.SeenByReader, OpportunityDefinition.SeenBySide) and for staff, who see everything.
    // The reader's facts are parameters of both, so one delegate type serves both.

    // A start page's projects: a city's, or given ones (an expert's). Two scopes, not one with an OR: PostgreSQL answers
    // each from an index; with the OR of both, the count took twelve times as long.
    private static readonly Expression<Func<CityBridgeDb, IQueryable<PriorityProject>, int, List<int>, IQueryable<PriorityProject>>> CityScope =
        (db, visible, cityId, projectIds) => visible.Where(p => p.CityId == cityId);

    private static readonly Expression<Func<CityBridgeDb, IQueryable<PriorityProject>, int, List<int>, IQueryable<PriorityProject>>> ListedScope =
        (db, visible, cityId, projectIds) => visible.Where(p => projectIds.Contains(p.Id));

    private static readonly Expression<Func<CityBridgeDb, IQueryable<PriorityProject>, CancellationToken, int>> ProjectCount = (db, inScope, ct) => inScope.Count();

    // The number shown is a literal in the compiled query, so it is written into the SQL: PostgreSQL only keeps a plan for
    // the list when it knows the limit, and planned it anew on every page otherwise (docs/benchmarks.md).
    private static readonly Expression<Func<CityBridgeDb, IQueryable<PriorityProject>, IQueryable<ProjectRow>>> ProjectRows =
        (db, inScope) => inScope.OrderByDescending(p => p.Id).Take(ProjectsShown)
            .Select(p => new ProjectRow(p.Id, p.Title, p.Stage, p.IsPublished, p.BudgetUsd, p.StartDate, p.Description));

    private static readonly Expression<Func<CityBridgeDb, IQueryable<PriorityProject>, int, IQueryable<MatchRow>>> Fits =
        (db, visible, organizationId) => (
            from m in db.Matches
            where m.OrganizationId == organizationId
                && !db.MatchCurations.Any(c => c.ProjectId == m.ProjectId && c.OrganizationId == m.OrganizationId && c.Hidden)
            join p in visible on m.ProjectId equals p.Id
            join o in db.Organizations on m.OrganizationId equals o.Id
            orderby m.Score descending, m.ProjectId
            select new MatchRow(m.ProjectId, p.Title, p.City!.Name, m.OrganizationId, o.Name, m.Score, m.SignalsJson, m.Rank)).Take(20);

    private static readonly Expression<Func<CityBridgeDb, IQueryable<Opportunity>, IQueryable<OpportunityLine>>> Opportunities =
        (db, visible) => visible.OrderBy(o => o.Stage).ThenBy(o => o.Id).Take(200)
            .Select(o => new OpportunityLine(o.Id, o.ProjectId, o.Project!.Title, o.ProviderId, o.Provider!.Name, o.Stage, o.ValueUsd));

    private static readonly ProjectCardQueries CityCardsForReader = new(CityScope, forStaff: false);
    private static readonly ProjectCardQueries CityCardsForStaff = new(CityScope, forStaff: true);
    private static readonly ProjectCardQueries ListedCardsForReader = new(ListedScope, forStaff: false);
    private static readonly ProjectCardQueries ListedCardsForStaff = new(ListedScope, forStaff: true);

    /// <summary>The count and the newest of the projects in a scope: (db, ownCity, assigned, cityId, projectIds).</summary>
    private sealed class ProjectCardQueries(LambdaExpression scope, bool forStaff)
    {
        public CompiledPerModel<Func<CityBridgeDb, int, List<int>, int, List<int>, CancellationToken, Task<int>>> Count { get; } = new(() =>
            EF.CompileAsyncQuery(OverVisible<Func<CityBridgeDb, int, List<int>, int, List<int>, CancellationToken, int>>(ProjectDefinition.SeenByReader, ProjectCount, forStaff, scope)));

        public CompiledPerModel<Func<CityBridgeDb, int, List<int>, int, List<int>, IAsyncEnumerable<ProjectRow>>> Rows { get; } = new(() =>
            EF.CompileAsyncQuery(OverVisible<Func<CityBridgeDb, int, List<int>, int, List<int>, IQueryable<ProjectRow>>>(ProjectDefinition.SeenByReader, ProjectRows, forStaff, scope)));
    }

    private static readonly CompiledPerModel<Func<CityBridgeDb, int, List<int>, int, IAsyncEnumerable<MatchRow>>> FitsForReader = new(() =>
        EF.CompileAsyncQuery(OverVisible<Func<CityBridgeDb, int, List<int>, int, IQueryable<MatchRow>>>(ProjectDefinition.SeenByReader, Fits, forStaff: false)));

    private static readonly CompiledPerModel<Func<CityBridgeDb, int, List<int>, int, IAsyncEnumerable<MatchRow>>> FitsForStaff = new(() =>
        EF.CompileAsyncQuery(OverVisible<Func<CityBridgeDb, int, List<int>, int, IQueryable<MatchRow>>>(ProjectDefinition.SeenByReader, Fits, forStaff: true)));

    private static readonly CompiledPerModel<Func<CityBridgeDb, int, int, IAsyncEnumerable<OpportunityLine>>> OpportunitiesForSide = new(() =>
        EF.CompileAsyncQuery(OverVisible<Func<CityBridgeDb, int, int, IQueryable<OpportunityLine>>>(OpportunityDefinition.SeenBySide, Opportunities, forStaff: false)));

    private static readonly CompiledPerModel<Func<CityBridgeDb, int, int, IAsyncEnumerable<OpportunityLine>>> OpportunitiesForStaff = new(() =>
        EF.CompileAsyncQuery(OverVisible<Func<CityBridgeDb, int, int, IQueryable<OpportunityLine>>>(OpportunityDefinition.SeenBySide, Opportunities, forStaff: true)));

    /// <summary>The readiness parts saved for the given projects.</summary>
    private static readonly CompiledPerModel<Func<CityBridgeDb, List<int>, IAsyncEnumerable<AssessedPart>>> AssessedPartsOf = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, List<int> projectIds) => db.Assessments.Where(a => projectIds.Contains(a.ProjectId)).Select(a => new AssessedPart(a.ProjectId, a.Part)).Distinct()));

    /// <summary>The top stored matches of the given projects, without those staff hid.</summary>
    private static readonly CompiledPerModel<Func<CityBridgeDb, List<int>, IAsyncEnumerable<MatchRow>>> TopMatchesOf = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, List<int> projectIds) =>
            from m in db.Matches
            where projectIds.Contains(m.ProjectId) && m.Rank <= MatchesPerProject
                && !db.MatchCurations.Any(c => c.ProjectId == m.ProjectId && c.OrganizationId == m.OrganizationId && c.Hidden)
            join o in db.Organizations on m.OrganizationId equals o.Id
            join p in db.Projects on m.ProjectId equals p.Id
            select new MatchRow(m.ProjectId, p.Title, p.City!.Name, m.OrganizationId, o.Name, m.Score, m.SignalsJson, m.Rank)));

    // A panel over the records a visibility rule lets the reader see (narrowed by a scope, if given), as a compiled query's
    // lambda: (db, the rule's reader facts..., the scope's parameters..., the panel's parameters...). The rule's first
    // parameter is the records (a set of the database, by its element type); for staff the facts go unused.
    private static Expression<TDelegate> OverVisible<TDelegate>(LambdaExpression rule, LambdaExpression panel, bool forStaff, LambdaExpression? scope = null)
    {
        var db = Expression.Parameter(typeof(CityBridgeDb), "db");
        var readerFacts = rule.Parameters.Skip(1).ToArray();
        Expression records = Expression.Call(db, nameof(CityBridgeDb.Set), [rule.ReturnType.GetGenericArguments()[0]]);
        var visible = forStaff ? records : QueryTemplate.Inline(rule, [records, .. readerFacts]);
        var scopeOwn = scope?.Parameters.Skip(2).ToArray() ?? [];
        if (scope is not null)
        {
            visible = QueryTemplate.Inline(scope, [db, visible, .. scopeOwn]);
        }

        var panelOwn = panel.Parameters.Skip(2).ToArray();
        return Expression.Lambda<TDelegate>(QueryTemplate.Inline(panel, [db, visible, .. panelOwn]), [db, .. readerFacts, .. scopeOwn, .. panelOwn]);
    }
}
