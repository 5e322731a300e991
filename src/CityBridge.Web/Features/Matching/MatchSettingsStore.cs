using CityBridge.Core.Matching;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Matching;

/// <summary>Saving the single weights row with its concurrency check; every project is then re-matched.</summary>
public static class MatchSettingsStore
{
    public const string ConflictMessage = "The weights were changed since you read them; reload and try again.";

    public static async Task<Refusal?> SaveAsync(CityBridgeDb db, WeightsDto input, Actor actor, MatchingEngine engine, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.MayWrite || !actor.IsStaff)
        {
            return Refusal.Denied(actor, "Only program staff with write access change the weights.");
        }

        var weights = new MatchWeights(input.Sector, input.Semantic, input.Keyword, input.Country, input.Standards, input.Stage, input.Budget);
        if (weights.Problems() is { Count: > 0 } problems)
        {
            var errors = new ValidationErrors();
            foreach (var (field, message) in problems)
            {
                errors.Add(field, message);
            }

            return Refusal.Invalid(errors);
        }

        var row = await db.MatchSettings.SingleOrDefaultAsync(s => s.Id == 1, ct);
        if (row is null)
        {
            row = new MatchSettings();
            db.MatchSettings.Add(row);
        }
        else if (input.Version is { } version && version != row.Version)
        {
            return Refusal.Conflict(ConflictMessage);
        }

        (row.Sector, row.Semantic, row.Keyword, row.Country, row.Standards, row.Stage, row.Budget) =
            (weights.Sector, weights.Semantic, weights.Keyword, weights.Country, weights.Standards, weights.Stage, weights.Budget);
        row.ChangedBy = actor.Name;
        row.ChangedAt = clock.GetUtcNow();
        row.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(ConflictMessage);
        }

        await engine.RequestRematchAsync(db, ct);
        return null;
    }
}
