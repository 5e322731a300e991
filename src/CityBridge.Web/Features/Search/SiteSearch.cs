using CityBridge.Core.Search;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Search;

/// <summary>A result as the page and the API show it.</summary>
public sealed record SearchResult(string Kind, string Label, int Id, string Title, string Excerpt, string Link, float Score);

/// <summary>
/// The site search: one in-memory Lucene index per instance, built from the database at start and brought up to date
/// before each query by reloading every source whose records changed, as the <see cref="RecordChange"/> feed tells.
/// </summary>
public sealed class SiteSearch(DatabaseSettings database, IEnumerable<ISearchSource> sources, TimeProvider clock, ILogger<SiteSearch> logger) : IDisposable
{
    /// <summary>The most results a query returns.</summary>
    public const int MaxResults = 100;

    private readonly SiteSearchIndex index = new();
    private readonly Dictionary<string, string> loadedAt = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly IReadOnlyList<ISearchSource> sources = [.. sources];

    public IReadOnlyList<ISearchSource> Sources => sources;

    /// <summary>How many entries the index holds.</summary>
    public int Count => index.Count;

    /// <summary>Reloads each source whose change-feed fingerprint moved since it was last loaded; returns how many were reloaded.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        await refreshing.WaitAsync(ct);
        try
        {
            await using var db = database.Create(clock, new SystemActor("search"));
            // Count and highest id per kind: a change committed late with a lower id still moves the count.
            var feed = await db.RecordChanges.GroupBy(c => c.Kind).Select(g => new { Kind = g.Key, Count = g.Count(), Max = g.Max(c => c.Id) }).ToListAsync(ct);
            var reloaded = 0;
            foreach (var source in sources)
            {
                var fingerprint = string.Join(";", feed.Where(f => source.ChangeKinds.Contains(f.Kind)).OrderBy(f => f.Kind, StringComparer.Ordinal).Select(f => $"{f.Kind}:{f.Count}:{f.Max}"));
                if (loadedAt.TryGetValue(source.Kind, out var previous) && previous == fingerprint)
                {
                    continue;
                }

                var entries = await source.LoadAsync(db, ct);
                index.ReplaceKind(source.Kind, entries);
                loadedAt[source.Kind] = fingerprint;
                reloaded++;
                logger.LogDebug("Search index: {Kind} reloaded with {Count} entries", source.Kind, entries.Count);
            }

            return reloaded;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>The best matches for <paramref name="text"/> that <paramref name="actor"/> may see, best first.</summary>
    public async Task<IReadOnlyList<SearchResult>> SearchAsync(string? text, Actor actor, CityBridgeDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        await RefreshAsync(ct);
        var hits = index.Search(text, MaxResults * 3);
        var visible = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var group in hits.GroupBy(h => h.Kind))
        {
            var source = sources.First(s => s.Kind == group.Key);
            visible[group.Key] = await source.VisibleAsync(db, actor, group.Select(h => h.Id).ToList(), ct);
        }

        return hits.Where(h => visible[h.Kind].Contains(h.Id))
            .Take(MaxResults)
            .Select(h => new SearchResult(h.Kind, sources.First(s => s.Kind == h.Kind).Label, h.Id, h.Title, h.Excerpt, h.Link, h.Score))
            .ToList();
    }

    public void Dispose()
    {
        index.Dispose();
        refreshing.Dispose();
    }
}

/// <summary>Builds the index when the app starts, so the first visitor does not wait for it.</summary>
public sealed class SearchWarmUp(SiteSearch search, ILogger<SearchWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await search.RefreshAsync(stoppingToken);
            logger.LogInformation("Search index built: {Count} entries in {Milliseconds:F0} ms", search.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The first search tries again; a broken database shows up in /health/ready, not here.
            logger.LogWarning(ex, "Building the search index at start failed");
        }
    }
}
