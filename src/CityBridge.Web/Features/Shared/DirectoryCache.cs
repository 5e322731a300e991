using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// Directory results (list pages and <c>GET /api/&lt;plural&gt;</c>) remembered per audience under the
/// <see cref="DataVersion"/> counter: reading the counter costs one row, and any save of a record moves it, so nothing
/// cached is served after an edit. Two things are kept: the ordered ids of every record a filter matches, which the
/// pages of one search share (a later page costs a lookup of its rows by id, not another search and count), and each
/// page read. Audiences come from <see cref="RecordDefinition{TEntity, TInput, TDto}.CacheAudience"/>; a reader whose
/// view is personal is never cached.
/// </summary>
public sealed class DirectoryCache : IDisposable
{
    /// <summary>The cache's budget, in units of one page or of <see cref="IdsPerUnit"/> matching ids.</summary>
    private const int SizeLimit = 20_000;

    private const int IdsPerUnit = 1_000;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public async Task<PagedList<TDto>> PageAsync<TEntity, TInput, TDto>(
        CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition, DirectoryFilter filter, Actor actor, CancellationToken ct)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity>
        where TDto : IRecordDto
    {
        if (definition.CacheAudience(actor) is not { } audience)
        {
            return await definition.UncachedPageAsync(db, filter, actor, ct);
        }

        var version = await VersionAsync(db, ct);
        if (version is null)
        {
            return await definition.UncachedPageAsync(db, filter, actor, ct);
        }

        var pageKey = (definition.Plural, audience, version.Value, filter.Selection, filter.PageNumber, filter.Size);
        if (entries.TryGetValue(pageKey, out PagedList<TDto>? page))
        {
            return page!;
        }

        // Read after the counter: a save that lands in between makes what is cached newer than its key, never older.
        var selectionKey = (definition.Plural, audience, version.Value, filter.Selection);
        if (!entries.TryGetValue(selectionKey, out int[]? ids))
        {
            ids = [.. await (await definition.QueryAsync(db, filter, actor, ct)).Select(e => e.Id).ToListAsync(ct)];
            entries.Set(selectionKey, ids, Entry(1 + (ids.Length / IdsPerUnit)));
        }

        var pageIds = ids!.Skip(filter.Offset).Take(filter.Size).ToList();
        page = new PagedList<TDto>(await RowsInOrderAsync(db, definition, pageIds, actor, ct), ids!.Length, filter.PageNumber, filter.Size);
        entries.Set(pageKey, page, Entry(1));
        return page;
    }

    /// <summary>
    /// A figure every reader shares that is derived from the directory (for example how many published projects each
    /// sector has), computed once per <see cref="DataVersion"/> instead of on every page that shows it.
    /// </summary>
    public async Task<T> SharedAsync<T>(CityBridgeDb db, string name, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var version = await VersionAsync(db, ct);
        if (version is null)
        {
            return await compute(ct);
        }

        var key = ("shared", name, version.Value);
        if (entries.TryGetValue(key, out T? value))
        {
            return value!;
        }

        value = await compute(ct);
        entries.Set(key, value, Entry(1));
        return value;
    }

    /// <summary>The directory's version; null without the counter row (a database not created by the migrations), when nothing would invalidate an entry.</summary>
    private static Task<long?> VersionAsync(CityBridgeDb db, CancellationToken ct) => DirectoryVersion.For(db)(db, ct);

    // Read before every cached directory page and start page: compiled once, so no expression tree is built per request.
    private static readonly CompiledPerModel<Func<CityBridgeDb, CancellationToken, Task<long?>>> DirectoryVersion = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, CancellationToken ct) => db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.DirectoryId).Select(v => (long?)v.Value).FirstOrDefault()));

    /// <summary>The rows of <paramref name="ids"/> in that order, as <paramref name="actor"/> may see them.</summary>
    private static async Task<List<TDto>> RowsInOrderAsync<TEntity, TInput, TDto>(
        CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition, List<int> ids, Actor actor, CancellationToken ct)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity>
        where TDto : IRecordDto
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await definition.VisibleTo(db.Set<TEntity>().AsNoTracking(), actor).Where(e => ids.Contains(e.Id)).Select(definition.ToDto).ToDictionaryAsync(d => d.Id, ct);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    private static MemoryCacheEntryOptions Entry(long size) => new() { Size = Math.Min(size, SizeLimit), SlidingExpiration = Unused };

    public void Dispose() => entries.Dispose();
}
