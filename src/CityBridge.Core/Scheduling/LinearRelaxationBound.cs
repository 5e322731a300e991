namespace CityBridge.Core.Scheduling;

/// <summary>
/// A proven upper bound on the schedulable weight from the linear relaxation of the slot-indexed model (GLOP): each
/// meeting in at most one of its candidate slots (required and fixed ones in exactly one), each participant in at most
/// one meeting per slot, at most as many meetings per slot as tables, and a bound table (a provider's own, a fixed
/// meeting's) once per slot. Relaxing integrality and which of the free tables a meeting gets only widens the feasible
/// set, so the optimum of this LP is never below the best schedule. It is usually far tighter than counting arguments:
/// on the 1,000 / 5,000 benchmark event it is the optimum itself, which the required meetings pull down by 18 from
/// what the LP without them allowed.
/// </summary>
internal static class LinearRelaxationBound
{
    /// <summary>
    /// The floor of the LP optimum; for each meeting the slots the LP optimum uses (its support: where a schedule near
    /// the bound is most likely to place it) and whether the LP settles it (wholly in one slot).
    /// </summary>
    public sealed record Relaxation(long Bound, int[][] Support, bool[] Settled);

    /// <summary>The relaxation of the aggregated MIP (<see cref="AggregatedMip"/>), or null when GLOP does not prove its optimum within the time limit.</summary>
    public static Relaxation? Compute(CandidateIndex index, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (limit <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        using var relaxed = AggregatedMip.CreateRelaxation(index);
        return relaxed?.MaximiseRelaxedWeight(limit, cancellationToken);
    }
}
