using System.Globalization;
using System.Text;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Shared;

/// <summary>Creates, updates and deletes one kind of record with validation and optimistic concurrency; a refusal says why not.</summary>
public sealed class RecordStore<TEntity, TInput, TDto>(CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition, Actor actor)
    where TEntity : EditableRecord
    where TInput : class, IRecordInput<TEntity>
{
    public const string ConflictMessage =
        "Somebody else saved this {0} after you opened it. Your changes were not saved; reload to see the current version and apply them again.";

    private static readonly CompositeFormat ConflictFormat = CompositeFormat.Parse(ConflictMessage);

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

    private (TEntity?, Refusal?) Forbidden(string action) =>
        (null, Refusal.Denied(actor, actor.IsSignedIn ? $"You may not {action} this {definition.Singular}." : $"Sign in to {action} a {definition.Singular}."));

    private (TEntity?, Refusal?) NotFound(int id) => (null, Refusal.NotFound($"There is no {definition.Singular} with id {id}."));

    private (TEntity?, Refusal?) Conflict() => (null, Refusal.Conflict(string.Format(CultureInfo.InvariantCulture, ConflictFormat, definition.Singular)));

    public async Task<(TEntity? Saved, Refusal? Refusal)> CreateAsync(TInput input, CancellationToken ct)
    {
        if (!actor.MayWrite || !definition.MayCreate(actor, input))
        {
            return Forbidden("create");
        }

        var errors = await ValidateAsync(input, null, ct);
        if (!errors.IsEmpty)
        {
            return (null, Refusal.Invalid(errors));
        }

        var entity = input.ToNewEntity();
        db.Set<TEntity>().Add(entity);
        await db.SaveChangesAsync(ct);
        return (entity, null);
    }

    public async Task<(TEntity? Saved, Refusal? Refusal)> UpdateAsync(int id, TInput input, CancellationToken ct)
    {
        if (!actor.IsSignedIn)
        {
            return Forbidden("change");
        }

        var entity = await definition.VisibleTo(db.Set<TEntity>(), actor).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return NotFound(id);
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
            return (null, Refusal.Invalid(errors));
        }

        // The database compares this with the stored version, so a concurrent save in between is caught too.
        db.Entry(entity).Property(e => e.Version).OriginalValue = input.Version!.Value;
        input.ApplyTo(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return (entity, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
    }

    public async Task<(TEntity? Saved, Refusal? Refusal)> DeleteAsync(int id, Guid? version, CancellationToken ct)
    {
        if (!actor.IsSignedIn)
        {
            return Forbidden("delete");
        }

        var entity = await definition.VisibleTo(db.Set<TEntity>(), actor).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return NotFound(id);
        }

        if (!actor.MayWrite || !definition.MayDelete(actor, entity))
        {
            return Forbidden("delete");
        }

        var blocker = await definition.WhyNotDeletableAsync(db, id, ct);
        if (blocker is not null)
        {
            return (null, Refusal.Conflict(blocker));
        }

        if (version is not null)
        {
            db.Entry(entity).Property(e => e.Version).OriginalValue = version.Value;
        }

        db.Set<TEntity>().Remove(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return (entity, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
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
