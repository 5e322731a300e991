using System.Linq.Expressions;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Shared;

/// <summary>Form and API input for an editable record: validated at the edge, then applied to the entity.</summary>
public interface IRecordInput<TEntity> where TEntity : EditableRecord
{
    /// <summary>The version the editor started from; null on create.</summary>
    Guid? Version { get; }

    TEntity ToNewEntity();

    void ApplyTo(TEntity entity);

    /// <summary>Checks that need the database: referenced records exist, names are unique.</summary>
    Task CheckReferencesAsync(CityBridgeDb db, int? id, ValidationErrors errors, CancellationToken ct);
}

/// <summary>What the API returns for a record: its id and the version to send back with an edit.</summary>
public interface IRecordDto
{
    int Id { get; }

    Guid Version { get; }
}

/// <summary>What the directory of one kind of record looks like: its queries, its API shape and its delete rules.</summary>
public abstract class RecordDefinition<TEntity, TInput, TDto>
    where TEntity : EditableRecord
    where TInput : class, IRecordInput<TEntity>
{
    /// <summary>The API segment, e.g. "cities".</summary>
    public abstract string Plural { get; }

    /// <summary>The noun a user reads in messages, e.g. "city".</summary>
    public abstract string Singular { get; }

    /// <summary>The filtered and ordered collection for list pages and the API, as <paramref name="actor"/> may see it.</summary>
    public async Task<IQueryable<TEntity>> QueryAsync(CityBridgeDb db, DirectoryFilter filter, Actor actor, CancellationToken ct) =>
        VisibleTo(await FilterAsync(db, filter, ct), actor);

    /// <summary>Every record of <see cref="QueryAsync"/> as the API returns it, unpaged (the lists on a details page).</summary>
    public async Task<List<TDto>> ListAsync(CityBridgeDb db, DirectoryFilter filter, Actor actor, CancellationToken ct) =>
        await (await QueryAsync(db, filter, actor, ct)).Select(ToDto).ToListAsync(ct);

    /// <summary>One page of <see cref="QueryAsync"/> read straight from the database, for the readers and databases <see cref="DirectoryCache"/> does not cache.</summary>
    public async Task<PagedList<TDto>> UncachedPageAsync(CityBridgeDb db, DirectoryFilter filter, Actor actor, CancellationToken ct) =>
        await (await QueryAsync(db, filter, actor, ct)).Select(ToDto).ToPageAsync(filter, ct);

    /// <summary>The records matching the filter, ordered. Asynchronous for a filter that first reads values it needs from another table.</summary>
    protected abstract ValueTask<IQueryable<TEntity>> FilterAsync(CityBridgeDb db, DirectoryFilter filter, CancellationToken ct);

    /// <summary>Whether anonymous callers read any record of this kind; when not, the API asks them to sign in (401) for every id.</summary>
    public virtual bool AnonymousMayRead => true;

    /// <summary>The records <paramref name="actor"/> may read; everything by default.</summary>
    public virtual IQueryable<TEntity> VisibleTo(IQueryable<TEntity> query, Actor actor) => query;

    /// <summary>
    /// Who else sees exactly what <paramref name="actor"/> sees in the directory, as a cache key ("everyone", "staff"), or
    /// null when the view is personal or not worth caching; see <see cref="DirectoryCache"/>.
    /// </summary>
    public virtual string? CacheAudience(Actor actor) => null;

    /// <summary>May <paramref name="actor"/> create a record like <paramref name="input"/>?</summary>
    public abstract bool MayCreate(Actor actor, TInput input);

    /// <summary>May <paramref name="actor"/> create records of this kind at all (shows the "Add" form)?</summary>
    public virtual bool MayCreateAny(Actor actor) => actor.IsStaff;

    /// <summary>May <paramref name="actor"/> edit <paramref name="entity"/>?</summary>
    public abstract bool MayChange(Actor actor, TEntity entity);

    /// <summary>May <paramref name="actor"/> turn <paramref name="current"/> into <paramref name="input"/>? Both ends must be theirs.</summary>
    public virtual bool MayUpdate(Actor actor, TEntity current, TInput input) => MayChange(actor, current) && MayCreate(actor, input);

    public virtual bool MayDelete(Actor actor, TEntity entity) => MayChange(actor, entity);

    /// <summary>Checks the records <paramref name="input"/> refers to; override to report one <paramref name="actor"/> cannot see as missing.</summary>
    public virtual Task CheckReferencesAsync(CityBridgeDb db, TInput input, int? id, Actor actor, ValidationErrors errors, CancellationToken ct) =>
        input.CheckReferencesAsync(db, id, errors, ct);

    public abstract Expression<Func<TEntity, TDto>> ToDto { get; }

    private Func<TEntity, TDto>? toDtoInMemory;

    /// <summary><see cref="ToDto"/> on an entity already loaded with the navigations the DTO reads.</summary>
    public TDto ToDtoOf(TEntity entity) => (toDtoInMemory ??= ToDto.Compile())(entity);

    /// <summary>A reason the record may not be deleted (other records depend on it), or null.</summary>
    public virtual Task<string?> WhyNotDeletableAsync(CityBridgeDb db, int id, CancellationToken ct) => Task.FromResult<string?>(null);
}
