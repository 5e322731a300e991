using System.Linq.Expressions;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;

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

    /// <summary>The filtered and ordered collection for list pages and the API.</summary>
    public abstract IQueryable<TEntity> Query(CityBridgeDb db, DirectoryFilter filter);

    public abstract Expression<Func<TEntity, TDto>> ToDto { get; }

    /// <summary>A reason the record may not be deleted (other records depend on it), or null.</summary>
    public virtual Task<string?> WhyNotDeletableAsync(CityBridgeDb db, int id, CancellationToken ct) => Task.FromResult<string?>(null);
}
