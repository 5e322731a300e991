using System.Buffers;
using System.Text;
using System.Text.Json;
using CityBridge.Core.Domain;
using CityBridge.Core.Matching;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Jobs;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Matching;

/// <summary>Matching settings from configuration (section "Matching").</summary>
public sealed class MatchingOptions
{
    /// <summary>Off only where no matching is wanted (the engine then never loads the model).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each instance reads the change feed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many providers are kept per project; the pages show the first ten.</summary>
    public int StoredPerProject { get; set; } = 25;
}

/// <summary>Where a full re-match stands, for the staff page and the API.</summary>
public sealed record RematchStatus(string Phase, int Done, int Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, int ProvidersIndexed);

/// <summary>
/// The web app's matching engine: an in-memory <see cref="MatchIndex"/> over provider organizations, kept current from
/// the change feed, and the stored top lists of every project. Vectors are stored by text fingerprint, so each text is
/// embedded once.
/// </summary>
public sealed class MatchingEngine(
    IServiceScopeFactory scopes, JobLeases leases, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MatchingOptions> options, Telemetry.CityBridgeMetrics metrics, ILogger<MatchingEngine> logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lazy<MiniLmEmbedder> embedder = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly MatchIndex index = new();
    private readonly Dictionary<int, Guid> indexedVersions = [];
    private readonly SemaphoreSlim gate = new(1, 1);
    private const long FeedPruneEvery = 10_000;
    private const long FeedKept = 50_000;
    private const int EmbedChunk = 256;
    private const long ReorderWindow = 100;
    private long feedPosition = -1;
    private HashSet<long> handledChanges = [];
    private long prunedUpTo;
    private volatile RematchStatus status = new("waiting", 0, 0, null, null, null, 0);

    public bool IsLoaded => feedPosition >= 0;

    /// <summary>Queues a durable re-match of every project; the first instance to poll runs it (docs/operations.md).</summary>
    public async Task RequestRematchAsync(CityBridgeDb db, CancellationToken ct)
    {
        db.RematchJobs.Add(new RematchJob { CreatedAt = clock.GetUtcNow(), Message = "Waiting for an instance" });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A re-match is already waiting (one queued job at most); it serves this request too.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The latest full re-match, whichever instance runs it, or this instance's own re-match when that is newer.</summary>
    public async Task<RematchStatus> StatusAsync(CityBridgeDb db, CancellationToken ct)
    {
        var local = status;
        var job = await db.RematchJobs.AsNoTracking().OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct);
        if (job is null || (!job.IsActive && local.StartedAt > job.FinishedAt))
        {
            return local;
        }

        var phase = job.State switch { JobState.Queued => "waiting", JobState.Finished => "done", JobState.Failed => "failed", _ => job.Phase };
        return new RematchStatus(phase, job.Done, job.Total, job.StartedAt ?? job.CreatedAt, job.FinishedAt, job.State == JobState.Failed ? job.Message : null, local.ProvidersIndexed);
    }

    public static IReadOnlyList<MatchSignal> ReadSignals(string json) => JsonSerializer.Deserialize<List<MatchSignal>>(json, Json) ?? [];

    /// <summary>The stored form of a match's signals (<see cref="StoredMatch.SignalsJson"/>).</summary>
    public static string WriteSignals(IReadOnlyList<MatchSignal> signals) => JsonSerializer.Serialize(signals, Json);

    private static readonly byte[] ContributionName = Encoding.UTF8.GetBytes(Json.PropertyNamingPolicy!.ConvertName(nameof(MatchSignal.Contribution)));
    private static readonly byte[] WhyName = Encoding.UTF8.GetBytes(Json.PropertyNamingPolicy!.ConvertName(nameof(MatchSignal.Why)));

    /// <summary>
    /// Each stored signal's contribution and reason, and nothing else. Start pages show one reason per match card;
    /// reading the whole signals for it was a fifth of an official's page's allocations (docs/benchmarks.md).
    /// </summary>
    public static List<(double Contribution, string Why)> ReadReasons(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
            var reasons = new List<(double, string)>();
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            {
                return reasons;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var (contribution, why) = (0d, "");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals(ContributionName) && reader.Read())
                    {
                        contribution = reader.GetDouble();
                    }
                    else if (reader.ValueTextEquals(WhyName) && reader.Read())
                    {
                        why = reader.GetString() ?? "";
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                reasons.Add((contribution, why));
            }

            return reasons;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Loads everything on first call, then applies what the change feed reports; rematches what changed.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
            index.UseWeights(await MatchQueries.WeightsAsync(db, ct));
            var fullLoad = feedPosition < 0;
            // On start, the stored lists may already be current through some feed position (another instance, or this
            // one before a restart, kept them so): then only the changes after it need ranking, not every project. (A
            // change committed so late that it lands below that position after it was recorded is missed, as one that
            // lands more than the re-read window behind a running instance's position is.)
            var currentThrough = fullLoad ? await StoredListsCurrentThroughAsync(db, ct) : null;
            var latest = !fullLoad ? feedPosition : currentThrough ?? await db.RecordChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            // Ids are taken from a sequence and may commit out of order: re-read a window behind the position, and act
            // only on the rows of it not handled yet (a full load covers every row committed before it reads).
            var window = await db.RecordChanges.AsNoTracking().Where(c => c.Id > latest - ReorderWindow).OrderBy(c => c.Id).ToListAsync(ct);
            var changes = !fullLoad ? window.Where(c => !handledChanges.Contains(c.Id)).ToList()
                : currentThrough is { } through ? window.Where(c => c.Id > through).ToList()
                : [];
            latest = window.Count == 0 ? latest : Math.Max(latest, window[^1].Id);

            var providerIds = fullLoad ? null : changes.Where(c => c.Kind == RecordChange.Provider).Select(c => c.EntityId).ToHashSet();
            var providersChanged = await SyncProvidersAsync(db, providerIds, ct);
            var projectIds = changes.Where(c => c.Kind == RecordChange.Project).Select(c => c.EntityId).ToHashSet();
            var rankAll = fullLoad ? currentThrough is null || changes.Any(c => c.Kind == RecordChange.Provider) : providersChanged;
            if (rankAll)
            {
                await RematchAsync(db, null, null, ct);
            }
            else if (projectIds.Count > 0)
            {
                await RematchAsync(db, projectIds, null, ct);
            }
            else if (fullLoad)
            {
                var now = clock.GetUtcNow();
                status = new RematchStatus("done", 0, 0, now, now, null, index.Count);
                logger.LogInformation("Matching: the stored lists are current through change {Position}; no project needed ranking", latest);
            }

            var moved = latest > feedPosition;
            feedPosition = latest;
            handledChanges = window.Where(c => c.Id > latest - ReorderWindow).Select(c => c.Id).ToHashSet();
            if (moved)
            {
                // Written only when the position moved, and never backwards (another instance may be further along).
                await db.DataVersions.Where(v => v.Id == DataVersion.MatchesId && v.Value < latest).ExecuteUpdateAsync(v => v.SetProperty(d => d.Value, latest), ct);
            }

            await PruneFeedAsync(db, latest, ct);
            await RunQueuedRematchAsync(db, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The feed position through which the stored lists are current, if they can be trusted: some instance has ranked
    /// through it, and the feed still holds every change after it (nothing newer was pruned).
    /// </summary>
    private static async Task<long?> StoredListsCurrentThroughAsync(CityBridgeDb db, CancellationToken ct)
    {
        var through = await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.MatchesId).Select(v => (long?)v.Value).FirstOrDefaultAsync(ct);
        if (through is not > 0)
        {
            return null;
        }

        var oldest = await db.RecordChanges.MinAsync(c => (long?)c.Id, ct);
        return oldest is null || oldest <= through ? through : null;
    }

    /// <summary>Claims a queued full re-match (or one whose instance died) and runs it under a lease, resuming where the last owner stopped.</summary>
    private async Task RunQueuedRematchAsync(CityBridgeDb db, CancellationToken ct)
    {
        if (await leases.ClaimAsync(db.RematchJobs, ct) is not { } job)
        {
            return;
        }

        logger.LogInformation("Full re-match job {JobId}: attempt {Attempt}, resuming after project {ProjectId}", job.Id, job.Attempts, job.ResumeAfterProjectId);
        var now = clock.GetUtcNow();
        await leases.Owned(db.RematchJobs, job.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.StartedAt, j => j.StartedAt ?? now).SetProperty(j => j.Message, (string?)null), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Every second: renew the lease and publish the progress; a beat that finds the job owned elsewhere stops the work.
        var heartbeat = leases.HeartbeatAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var beatDb = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
            var (s, until) = (status, leases.LeaseEndMs);
            return await leases.Owned(beatDb.RematchJobs, job.Id).ExecuteUpdateAsync(
                u => u.SetProperty(j => j.LeaseUntilMs, until).SetProperty(j => j.Phase, s.Phase).SetProperty(j => j.Done, s.Done).SetProperty(j => j.Total, s.Total), CancellationToken.None) == 0;
        }, stop, logger, job.Id);
        string state;
        string? message;
        try
        {
            // Every provider first: the instance that died may have indexed changes this one has not seen yet.
            await SyncProvidersAsync(db, null, stop.Token);
            await RematchAsync(db, null, job, stop.Token);
            state = JobState.Finished;
            message = job.Attempts == 1 ? null
                : job.ResumeAfterProjectId > 0 ? $"Taken over (attempt {job.Attempts}), resumed after project {job.ResumeAfterProjectId}."
                : $"Taken over (attempt {job.Attempts}) before any project was stored.";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Full re-match job {JobId} is owned by another instance now; this one stops", job.Id);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            (state, message) = (JobState.Failed, "The re-match failed: " + ex.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeat;
        }

        var (done, total, finished) = (status.Done, status.Total, clock.GetUtcNow());
        await leases.Owned(db.RematchJobs, job.Id).ExecuteUpdateAsync(u => u
            .SetProperty(j => j.State, state).SetProperty(j => j.Phase, state == JobState.Finished ? "done" : "failed")
            .SetProperty(j => j.Done, done).SetProperty(j => j.Total, total).SetProperty(j => j.Message, message).SetProperty(j => j.FinishedAt, finished), CancellationToken.None);
    }

    /// <summary>Keeps the change feed short: rows far behind every reader are deleted now and then.</summary>
    private async Task PruneFeedAsync(CityBridgeDb db, long latest, CancellationToken ct)
    {
        if (latest - prunedUpTo < FeedPruneEvery)
        {
            return;
        }

        // An instance more than FeedKept changes behind would miss some; it reloads everything on restart anyway.
        await db.RecordChanges.Where(c => c.Id < latest - FeedKept).ExecuteDeleteAsync(ct);
        prunedUpTo = latest;
    }

    /// <summary>Ranks providers for a need described like a project (for example a project's cyber gaps), now.</summary>
    public async Task<IReadOnlyList<ProviderMatch>> RankAsync(CityBridgeDb db, MatchProject matchProject, int top, CancellationToken ct)
    {
        var vectors = await VectorsAsync(db, [EmbeddingText.ForProject(matchProject)], ct);
        return index.Rank(matchProject, vectors.Get(EmbeddingText.ForProject(matchProject)), top);
    }

    private async Task<bool> SyncProvidersAsync(CityBridgeDb db, HashSet<int>? onlyIds, CancellationToken ct)
    {
        if (onlyIds is { Count: 0 })
        {
            return false;
        }

        var query = db.Organizations.AsNoTracking().Include(o => o.Solutions).AsSplitQuery().Where(o => o.Kind == OrganizationKind.Provider);
        if (onlyIds is not null)
        {
            query = query.Where(o => onlyIds.Contains(o.Id));
        }

        var providers = await query.ToListAsync(ct);
        var changed = providers.Where(p => !indexedVersions.TryGetValue(p.Id, out var v) || v != CompositeVersion(p)).ToList();
        // A provider that was deleted or is no longer a provider leaves the index.
        var gone = (onlyIds ?? indexedVersions.Keys.ToHashSet()).Where(id => indexedVersions.ContainsKey(id) && providers.All(p => p.Id != id)).ToList();
        if (changed.Count == 0 && gone.Count == 0)
        {
            return false;
        }

        var matchProviders = changed.Select(ToMatchProvider).ToList();
        status = status with { Phase = "embedding", Done = 0, Total = matchProviders.Count };
        var vectors = await VectorsAsync(db, EmbeddingStore.TextsOf(new Market(matchProviders, [])), ct);
        for (var i = 0; i < changed.Count; i++)
        {
            index.Upsert(matchProviders[i], vectors.For(matchProviders[i]));
            indexedVersions[changed[i].Id] = CompositeVersion(changed[i]);
        }

        foreach (var id in gone)
        {
            index.Remove(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            indexedVersions.Remove(id);
        }

        logger.LogInformation("Matching index: {Changed} provider(s) added or updated, {Gone} removed, {Total} indexed", changed.Count, gone.Count, index.Count);
        return true;
    }

    /// <summary>
    /// Ranks the given projects (all when null) and replaces their stored top lists, reporting progress; for a job, in
    /// project id order after the last project its previous owner stored.
    /// </summary>
    private async Task RematchAsync(CityBridgeDb db, HashSet<int>? projectIds, RematchJob? job, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking().Include(p => p.City).AsQueryable();
        if (projectIds is not null)
        {
            query = query.Where(p => projectIds.Contains(p.Id));
        }

        var all = await query.OrderBy(p => p.Id).ToListAsync(ct);
        var resumeAfter = job?.ResumeAfterProjectId ?? 0;
        var projects = all.Where(p => p.Id > resumeAfter).ToList();
        var started = clock.GetUtcNow();
        var skipped = all.Count - projects.Count;
        status = new RematchStatus("embedding", skipped, all.Count, started, null, null, index.Count);
        try
        {
            var matchProjects = projects.Select(ToMatchProject).ToList();
            var vectors = await VectorsAsync(db, matchProjects.Select(EmbeddingText.ForProject), ct);
            status = status with { Phase = "matching" };
            const int Batch = 200;
            for (var start = 0; start < projects.Count; start += Batch)
            {
                var batch = matchProjects.Skip(start).Take(Batch).ToList();
                var ranked = MarketMatcher.RankAll(index, batch, vectors, options.Value.StoredPerProject, cancellationToken: ct);
                await StoreAsync(db, ranked, job, skipped + Math.Min(start + Batch, projects.Count), ct);
                status = status with { Done = skipped + Math.Min(start + Batch, projects.Count) };
            }

            status = status with { Phase = "done", FinishedAt = clock.GetUtcNow() };
            metrics.RematchSeconds.Record((clock.GetUtcNow() - started).TotalSeconds, new KeyValuePair<string, object?>("scope", projectIds is null ? "all" : "changed"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            status = status with { Phase = "failed", FinishedAt = clock.GetUtcNow(), Error = ex.Message };
            throw;
        }
    }

    /// <summary>Replaces the projects' stored lists in one transaction; for a job, with the resume point, only while this instance owns it.</summary>
    private async Task StoreAsync(CityBridgeDb db, IReadOnlyList<ProjectMatches> ranked, RematchJob? job, int done, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = ranked.Select(r => int.Parse(r.ProjectId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (job is not null)
        {
            // The job row is locked until commit: a takeover waits for it, or has already won and this instance stops.
            var last = ids.Max();
            if (await leases.Owned(db.RematchJobs, job.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.ResumeAfterProjectId, last).SetProperty(j => j.Done, done), ct) == 0)
            {
                throw new OperationCanceledException("Another instance took the re-match over.");
            }
        }

        await db.Matches.Where(m => ids.Contains(m.ProjectId)).ExecuteDeleteAsync(ct);
        db.Matches.AddRange(ranked.SelectMany(r => r.Providers.Select((p, i) => new StoredMatch
        {
            ProjectId = int.Parse(r.ProjectId, System.Globalization.CultureInfo.InvariantCulture),
            OrganizationId = int.Parse(p.ProviderId, System.Globalization.CultureInfo.InvariantCulture),
            Rank = i + 1,
            Score = p.Score,
            BestSolution = p.BestSolution,
            SignalsJson = WriteSignals(p.Signals),
            ComputedAt = now,
        })));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another instance stored the same projects at the same moment; its lists are as good as ours.
            logger.LogInformation(ex, "Stored matches were written concurrently by another instance; keeping theirs");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Vectors for the texts: stored ones by fingerprint, the rest embedded now and stored.</summary>
    private async Task<EmbeddingStore> VectorsAsync(CityBridgeDb db, IEnumerable<string?> texts, CancellationToken ct)
    {
        var store = new EmbeddingStore(embedder.Value);
        var wanted = texts.OfType<string>().Distinct().ToList();
        var fingerprints = wanted.Select(EmbeddingText.Fingerprint).Distinct().ToList();
        foreach (var chunk in fingerprints.Chunk(500))
        {
            foreach (var stored in await db.TextEmbeddings.AsNoTracking().Where(e => chunk.Contains(e.Fingerprint)).ToListAsync(ct))
            {
                store.Add(stored.Fingerprint, stored.ToVector());
            }
        }

        // Stored chunk by chunk, so an instance that takes a long job over reuses what the one that died embedded.
        foreach (var chunk in wanted.Where(t => store.Get(t) is null).Chunk(EmbedChunk))
        {
            await Task.Run(() => store.EmbedMissing(chunk, null, ct), ct);
            var now = clock.GetUtcNow();
            var chunkPrints = chunk.Select(EmbeddingText.Fingerprint).Distinct().ToList();
            var existing = (await db.TextEmbeddings.AsNoTracking().Where(e => chunkPrints.Contains(e.Fingerprint)).Select(e => e.Fingerprint).ToListAsync(ct)).ToHashSet();
            db.TextEmbeddings.AddRange(chunkPrints.Where(f => !existing.Contains(f))
                .Select(f => new TextEmbedding { Fingerprint = f, Vector = TextEmbedding.ToBytes(store.Vectors[f]), CreatedAt = now }));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance embedded the same text first; the vector is the same.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return store;
    }

    private static Guid CompositeVersion(Organization o) =>
        o.Solutions.OrderBy(s => s.Id).Aggregate(o.Version, (v, s) => new Guid(System.Security.Cryptography.SHA256.HashData([.. v.ToByteArray(), .. s.Version.ToByteArray()])[..16]));

    public static MatchProvider ToMatchProvider(Organization o) => new(
        o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        o.Name,
        o.Description,
        o.Sectors,
        o.ExperienceCountries,
        o.Standards,
        o.Solutions.OrderBy(s => s.Id).Select(s => new MatchSolution(s.Name, s.Description, s.Sectors, s.Standards)).ToList());

    public static MatchProject ToMatchProject(PriorityProject p) => new(
        p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        p.Title,
        p.Description,
        p.City?.Name,
        p.City?.CountryCode,
        p.Sectors,
        p.StandardsWanted,
        p.Stage,
        p.BudgetUsd);

    public void Dispose()
    {
        if (embedder.IsValueCreated)
        {
            embedder.Value.Dispose();
        }

        index.Dispose();
        gate.Dispose();
    }
}

/// <summary>Runs the engine's refresh on every poll, on every instance.</summary>
public sealed class MatchingWorker(MatchingEngine engine, Microsoft.Extensions.Options.IOptions<MatchingOptions> options, ILogger<MatchingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Let the host finish starting (migrations, seed data) before the first full load.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Matching refresh failed; retrying at the next poll");
            }

            await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
