using CityBridge.Core.Domain;

namespace CityBridge.Core.Pipeline;

/// <summary>The rules an opportunity must follow in each stage; returns every broken rule by field.</summary>
public static class PipelineRules
{
    public static IReadOnlyList<(string Field, string Message)> Check(OpportunityStage stage, decimal? valueUsd, DateOnly? wonOn, string? products)
    {
        var problems = new List<(string, string)>();
        if (valueUsd is < 0)
        {
            problems.Add(("valueUsd", "The value cannot be negative."));
        }

        if (stage == OpportunityStage.Won)
        {
            if (valueUsd is null or 0)
            {
                problems.Add(("valueUsd", "A won opportunity needs its contract value in USD."));
            }

            if (wonOn is null)
            {
                problems.Add(("wonOn", "A won opportunity needs the date it was won."));
            }

            if (string.IsNullOrWhiteSpace(products))
            {
                problems.Add(("products", "Say what was sold: the products or services of the export."));
            }
        }
        else if (wonOn is not null)
        {
            problems.Add(("wonOn", "Only a won opportunity has a won date."));
        }

        return problems;
    }

    /// <summary>True while the opportunity can still move: not won and not lost.</summary>
    public static bool IsOpen(OpportunityStage stage) => stage is not (OpportunityStage.Won or OpportunityStage.Lost);
}

/// <summary>A won opportunity as an export result: counted once, whatever edits follow.</summary>
public sealed record ExportOutcome(int OpportunityId, decimal ValueUsd, DateOnly WonOn, string CountryCode, string Sector);

/// <summary>A calendar quarter, e.g. 2026-Q3.</summary>
public readonly record struct Quarter(int Year, int Number)
{
    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public override string ToString() => $"{Year}-Q{Number}";
}
