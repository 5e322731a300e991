using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// One page of a directory (list page or <c>GET /api/&lt;plural&gt;</c>), remembered per filter and audience under the
/// <see cref="DataVersion"/> counter: reading the counter costs one row, and any save of a record moves it, so a
/// cached page is never served after an edit. Audiences come from <see cref="RecordDefinition{TEntity, TInput, TDto}.CacheAudience"/>;
/// a reader whose view is personal is never cached.
/// </summary>
public sealed class DirectoryCache : IDisposable
{
    private readonly MemoryCache pages = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async Task<PagedList<TDto>> PageAsync<TEntity, TInput, TDto>(
        CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition, DirectoryFilter filter, Actor actor, CancellationToken ct)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity>
    {
        if (definition.CacheAudience(actor) is not { } audience)
        {
            return await QueryAsync(db, definition, filter, actor, ct);
        }

        // Without the counter row (a database not created by the migrations) nothing would invalidate a page.
        var version = await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.DirectoryId).Select(v => (long?)v.Value).FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return await QueryAsync(db, definition, filter, actor, ct);
        }

        var key = (definition.Plural, audience, version, filter.CacheKey);
        if (pages.TryGetValue(key, out PagedList<TDto>? page))
        {
            return page!;
        }

        // Read after the counter: a save that lands in between makes this page newer than its key, never older.
        page = await QueryAsync(db, definition, filter, actor, ct);
        pages.Set(key, page, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return page;
    }

    private static Task<PagedList<TDto>> QueryAsync<TEntity, TInput, TDto>(
        CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition, DirectoryFilter filter, Actor actor, CancellationToken ct)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity> =>
        definition.Query(db, filter, actor).Select(definition.ToDto).ToPageAsync(filter, ct);

    public void Dispose() => pages.Dispose();
}
