using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Shared;

public enum SaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unauthenticated,
}

/// <summary>The outcome of a create, update or delete, shared by the pages and the API.</summary>
public sealed record SaveResult<TEntity>(SaveStatus Status, TEntity? Entity = null, ValidationErrors? Errors = null, string? Message = null)
    where TEntity : class;

/// <summary>Creates, updates and deletes one kind of record with validation and optimistic concurrency.</summary>
public sealed class RecordStore<TEntity, TInput, TDto>(CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition, Actor actor)
    where TEntity : EditableRecord
    where TInput : class, IRecordInput<TEntity>
{
    public const string ConflictMessage =
        "Somebody else saved this {0} after you opened it. Your changes were not saved; reload to see the current version and apply them again.";

    public async Task<TDto?> FindAsync(int id, CancellationToken ct) =>
        await definition.VisibleTo(db.Set<TEntity>().AsNoTracking(), actor).Where(e => e.Id == id).Select(definition.ToDto).FirstOrDefaultAsync(ct);

    /// <summary>May the actor edit record <paramref name="id"/>? False also when it does not exist.</summary>
    public async Task<bool> MayChangeAsync(int id, CancellationToken ct)
    {
        var entity = await definition.VisibleTo(db.Set<TEntity>().AsNoTracking(), actor).FirstOrDefaultAsync(e => e.Id == id, ct);
        return entity is not null && MayChange(entity);
    }

    /// <summary>May the actor edit <paramref name="entity"/>, which they can see?</summary>
    public bool MayChange(TEntity entity) => actor.MayWrite && definition.MayChange(actor, entity);

    /// <summary>May the actor delete record <paramref name="id"/>? False also when it does not exist.</summary>
    public async Task<bool> MayDeleteAsync(int id, CancellationToken ct)
    {
        var entity = await definition.VisibleTo(db.Set<TEntity>().AsNoTracking(), actor).FirstOrDefaultAsync(e => e.Id == id, ct);
        return entity is not null && actor.MayWrite && definition.MayDelete(actor, entity);
    }

    private SaveResult<TEntity> Forbidden(string action) =>
        new(actor.IsSignedIn ? SaveStatus.Forbidden : SaveStatus.Unauthenticated, Message: actor.IsSignedIn
            ? $"You may not {action} this {definition.Singular}."
            : $"Sign in to {action} a {definition.Singular}.");

    public async Task<SaveResult<TEntity>> CreateAsync(TInput input, CancellationToken ct)
    {
        if (!actor.MayWrite || !definition.MayCreate(actor, input))
        {
            return Forbidden("create");
        }

        var errors = await ValidateAsync(input, null, ct);
        if (!errors.IsEmpty)
        {
            return new(SaveStatus.Invalid, Errors: errors);
        }

        var entity = input.ToNewEntity();
        db.Set<TEntity>().Add(entity);
        await db.SaveChangesAsync(ct);
        return new(SaveStatus.Saved, entity);
    }

    public async Task<SaveResult<TEntity>> UpdateAsync(int id, TInput input, CancellationToken ct)
    {
        if (!actor.IsSignedIn)
        {
            return Forbidden("change");
        }

        var entity = await definition.VisibleTo(db.Set<TEntity>(), actor).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return new(SaveStatus.NotFound, Message: $"There is no {definition.Singular} with id {id}.");
        }

        if (!actor.MayWrite || !definition.MayUpdate(actor, entity, input))
        {
            return Forbidden("change");
        }

        var errors = await ValidateAsync(input, id, ct);
        if (input.Version is null)
        {
            errors.Add("version", $"The version of the {definition.Singular} you edited is required, so that nobody's changes are overwritten.");
        }

        if (!errors.IsEmpty)
        {
            return new(SaveStatus.Invalid, Errors: errors);
        }

        // The database compares this with the stored version, so a concurrent save in between is caught too.
        db.Entry(entity).Property(e => e.Version).OriginalValue = input.Version!.Value;
        input.ApplyTo(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return new(SaveStatus.Saved, entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(SaveStatus.Conflict, Message: string.Format(ConflictMessage, definition.Singular));
        }
    }

    public async Task<SaveResult<TEntity>> DeleteAsync(int id, Guid? version, CancellationToken ct)
    {
        if (!actor.IsSignedIn)
        {
            return Forbidden("delete");
        }

        var entity = await definition.VisibleTo(db.Set<TEntity>(), actor).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return new(SaveStatus.NotFound, Message: $"There is no {definition.Singular} with id {id}.");
        }

        if (!actor.MayWrite || !definition.MayDelete(actor, entity))
        {
            return Forbidden("delete");
        }

        var blocker = await definition.WhyNotDeletableAsync(db, id, ct);
        if (blocker is not null)
        {
            return new(SaveStatus.Conflict, Message: blocker);
        }

        if (version is not null)
        {
            db.Entry(entity).Property(e => e.Version).OriginalValue = version.Value;
        }

        db.Set<TEntity>().Remove(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return new(SaveStatus.Saved, entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(SaveStatus.Conflict, Message: string.Format(ConflictMessage, definition.Singular));
        }
    }

    private async Task<ValidationErrors> ValidateAsync(TInput input, int? id, CancellationToken ct)
    {
        var errors = ValidationErrors.Annotations(input);
        if (errors.IsEmpty)
        {
            await definition.CheckReferencesAsync(db, input, id, actor, errors, ct);
        }

        return errors;
    }
}
