using System.Linq.Expressions;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityBridge.Web.Features.My;

/// <summary>A thread in a list: who is on the other side, its topic, and whether the last word was someone else's.</summary>
public sealed record ConversationLine(int Id, string CityName, string ProviderName, string? Topic, string? LastAuthor, string? LastExcerpt, bool LastIsMine);

/// <summary>One message as shown in a thread.</summary>
public sealed record MessageView(long Id, string AuthorName, string Body, DateTimeOffset SentAt, bool Mine);

/// <summary>A thread with its messages, oldest first.</summary>
public sealed record ConversationView(int Id, int CityId, string CityName, int ProviderId, string ProviderName, int? ProjectId, string? Topic, IReadOnlyList<MessageView> Messages);

/// <summary>
/// Messages between a city and a provider. A thread exists only between sides with a relationship (a match, a meeting
/// request or an opportunity), so it cannot be used to reach anyone else; both sides and staff read it.
/// </summary>
public sealed class Conversations(CityBridgeDb db, TimeProvider clock, IOptions<MyOptions> options)
{
    public const int MaxLength = 4000;

    public static bool MayRead(Actor actor, Conversation c) =>
        actor.IsStaff || (actor.IsCityOfficial && actor.CityId == c.CityId) || (actor.IsProvider && actor.OrganizationId == c.ProviderId);

    /// <summary>Threads the actor may read, most recently active first (staff: the latest across the program).</summary>
    public async Task<List<ConversationLine>> ListAsync(Actor actor, int take, CancellationToken ct)
    {
        // Staff read every thread; a city official their city's, a provider their organization's (−1: a side they do not speak for).
        var rows = actor.IsStaff
            ? LatestThreads.For(db)(db, take)
            : LatestThreadsOfSides.For(db)(db, actor.IsCityOfficial ? actor.CityId ?? -1 : -1, actor.IsProvider ? actor.OrganizationId ?? -1 : -1, take);
        var lines = new List<ConversationLine>();
        await foreach (var r in rows.WithCancellation(ct))
        {
            lines.Add(new ConversationLine(r.Id, r.City, r.Provider, r.Topic, r.AuthorName, Excerpt(r.Body), r.AuthorUserId == actor.UserId));
        }

        return lines;
    }

    private sealed class ThreadRow
    {
        public int Id { get; init; }

        public string City { get; init; } = "";

        public string Provider { get; init; } = "";

        public string? Topic { get; init; }

        public string? AuthorName { get; init; }

        public string? AuthorUserId { get; init; }

        public string Body { get; init; } = "";
    }

    // Every start page lists threads, so the lists are compiled once (no expression tree built and looked up per request).
    // Staff's list and the sides' are two queries, not one with an "everyone" flag: PostgreSQL cannot keep a plan for a
    // filter that hangs on a flag, and planned that query anew on every page (docs/benchmarks.md, "Plans PostgreSQL keeps").
    private static readonly Expression<Func<CityBridgeDb, int, IQueryable<Conversation>>> AllThreads = (db, take) => db.Conversations;

    private static readonly Expression<Func<CityBridgeDb, int, int, int, IQueryable<Conversation>>> ThreadsOfSides = (db, cityId, providerId, take) =>
        db.Conversations.Where(c => c.CityId == cityId || c.ProviderId == providerId);

    private static readonly CompiledPerModel<Func<CityBridgeDb, int, IAsyncEnumerable<ThreadRow>>> LatestThreads = new(() => EF.CompileAsyncQuery(
        ThreadsIn<Func<CityBridgeDb, int, IQueryable<ThreadRow>>>(AllThreads)));

    private static readonly CompiledPerModel<Func<CityBridgeDb, int, int, int, IAsyncEnumerable<ThreadRow>>> LatestThreadsOfSides = new(() => EF.CompileAsyncQuery(
        ThreadsIn<Func<CityBridgeDb, int, int, int, IQueryable<ThreadRow>>>(ThreadsOfSides)));

    // The list over the conversations a scope picks: the scope's parameters (the database first, the number to take last)
    // become the query's.
    private static Expression<TQuery> ThreadsIn<TQuery>(LambdaExpression scope)
    {
        Expression<Func<CityBridgeDb, IQueryable<Conversation>, int, IQueryable<ThreadRow>>> list = (db, conversations, take) => (
            from c in conversations.AsNoTracking()
            where c.LastMessageId > 0
            join city in db.Cities on c.CityId equals city.Id
            join o in db.Organizations on c.ProviderId equals o.Id
            join m in db.ConversationMessages on c.LastMessageId equals m.Id
            orderby c.LastMessageId descending
            select new ThreadRow { Id = c.Id, City = city.Name, Provider = o.Name, Topic = db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault(), AuthorName = m.AuthorName, AuthorUserId = m.AuthorUserId, Body = m.Body })
            .Take(take);
        return Expression.Lambda<TQuery>(QueryTemplate.Inline(list, scope.Parameters[0], scope.Body, scope.Parameters[^1]), scope.Parameters);
    }

    private static string Excerpt(string body) => body.Length <= 90 ? body : body[..87] + "...";

    /// <summary>The thread, when the actor may read it.</summary>
    public async Task<(ConversationView? View, Refusal? Refusal)> ReadAsync(Actor actor, int id, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !MayRead(actor, c))
        {
            // Someone else's thread is as absent as one that does not exist.
            return (null, Refusal.NotFound($"There is no conversation {id}."));
        }

        var names = await (
            from city in db.Cities
            where city.Id == c.CityId
            select new { City = city.Name, Provider = db.Organizations.Where(o => o.Id == c.ProviderId).Select(o => o.Name).First(), Topic = db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefault() })
            .FirstAsync(ct);
        var messages = await db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Id)
            .Select(m => new MessageView(m.Id, m.AuthorName, m.Body, m.SentAt, m.AuthorUserId == actor.UserId)).ToListAsync(ct);
        return (new ConversationView(c.Id, c.CityId, names.City, c.ProviderId, names.Provider, c.ProjectId, names.Topic, messages), null);
    }

    /// <summary>
    /// The thread between the project's city and the provider, created when the two have a relationship and the actor is one
    /// of them (or staff). Returns the thread's id.
    /// </summary>
    public async Task<(int? Id, Refusal? Refusal)> OpenAsync(Actor actor, int projectId, int providerId, CancellationToken ct)
    {
        var project = await Projects.ProjectDefinition.Instance.VisibleTo(db.Projects.AsNoTracking(), actor).Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.CityId }).FirstOrDefaultAsync(ct);
        if (project is null || !await db.Organizations.AnyAsync(o => o.Id == providerId && o.Kind == OrganizationKind.Provider, ct))
        {
            return (null, Refusal.NotFound("There is no such project or provider."));
        }

        var side = (actor.IsCityOfficial && actor.CityId == project.CityId) || (actor.IsProvider && actor.ActsFor(providerId));
        if (!actor.MayWrite || (!side && !actor.IsStaff))
        {
            return (null, Refusal.Denied(actor, "Only the project's city, the provider and program staff write in this thread."));
        }

        if (!await RelatedAsync(project.CityId, providerId, ct))
        {
            return (null, Refusal.Denied(actor, "You can message a provider or city only once you share a match, a meeting request or an opportunity."));
        }

        var existing = await db.Conversations.Where(c => c.CityId == project.CityId && c.ProviderId == providerId).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return (id, null);
        }

        var conversation = new Conversation { CityId = project.CityId, ProviderId = providerId, ProjectId = projectId, CreatedAt = clock.GetUtcNow() };
        db.Conversations.Add(conversation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The other side opened it at the same moment: use theirs.
            db.ChangeTracker.Clear();
            return (await db.Conversations.Where(c => c.CityId == project.CityId && c.ProviderId == providerId).Select(c => c.Id).FirstAsync(ct), null);
        }

        return (conversation.Id, null);
    }

    /// <summary>A match between any of the city's projects and the provider, a meeting request between their people, or an opportunity.</summary>
    public async Task<bool> RelatedAsync(int cityId, int providerId, CancellationToken ct)
    {
        if (await db.Matches.AnyAsync(m => m.OrganizationId == providerId && db.Projects.Any(p => p.Id == m.ProjectId && p.CityId == cityId), ct)
            || await db.Opportunities.AnyAsync(o => o.ProviderId == providerId && o.Project!.CityId == cityId, ct))
        {
            return true;
        }

        var cityOrgs = db.Organizations.Where(o => o.CityId == cityId && o.Kind == OrganizationKind.CityGovernment).Select(o => (int?)o.Id);
        return await (
            from r in db.MeetingRequests
            join a in db.EventRegistrations on r.FromRegistrationId equals a.Id
            join b in db.EventRegistrations on r.ToRegistrationId equals b.Id
            where (a.OrganizationId == providerId && cityOrgs.Contains(b.OrganizationId)) || (b.OrganizationId == providerId && cityOrgs.Contains(a.OrganizationId))
            select r.Id).AnyAsync(ct);
    }

    /// <summary>Adds a message and, in the same transaction, a notice (a link, not the text) to everyone on the other side.</summary>
    public async Task<(long? Id, Refusal? Refusal)> PostAsync(Actor actor, int conversationId, string? body, CancellationToken ct)
    {
        var c = await db.Conversations.FirstOrDefaultAsync(x => x.Id == conversationId, ct);
        if (c is null || !MayRead(actor, c))
        {
            return (null, Refusal.NotFound($"There is no conversation {conversationId}."));
        }

        if (!actor.MayWrite)
        {
            return (null, Refusal.Denied(actor, "Your token may only read."));
        }

        var text = body?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > MaxLength)
        {
            return (null, Refusal.Invalid($"Write a message of 1 to {MaxLength:N0} characters.", "body"));
        }

        var author = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var message = new ConversationMessage { ConversationId = c.Id, AuthorUserId = actor.UserId!, AuthorName = string.IsNullOrWhiteSpace(author) ? actor.Name : author, Body = text, SentAt = clock.GetUtcNow() };
        db.ConversationMessages.Add(message);
        await db.SaveChangesAsync(ct);
        c.LastMessageId = message.Id;
        var cityOrgs = db.Organizations.Where(o => o.CityId == c.CityId && o.Kind == OrganizationKind.CityGovernment).Select(o => (int?)o.Id);
        var everyone = await db.Users.Where(u => u.OrganizationId == c.ProviderId || cityOrgs.Contains(u.OrganizationId)).Select(u => new { u.Id, u.OrganizationId }).ToListAsync(ct);
        // Staff write for the program: both sides hear; a side's own people do not hear of their own message.
        var recipients = everyone.Where(u => u.Id != actor.UserId && (actor.IsStaff || (actor.IsProvider ? u.OrganizationId != c.ProviderId : u.OrganizationId == c.ProviderId))).Select(u => u.Id);
        var topic = await db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Title).FirstOrDefaultAsync(ct) ?? "your shared work";
        await Notices.QueueAsync(db, recipients, NoticeKinds.NewMessage, r => new(
            $"message:{message.Id}:{r.UserId}",
            new Dictionary<string, string> { ["from"] = message.AuthorName, ["topic"] = topic, ["link"] = new Uri(options.Value.PublicUrl, $"/My/Conversation/{c.Id}").ToString() }), clock, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (message.Id, null);
    }
}
