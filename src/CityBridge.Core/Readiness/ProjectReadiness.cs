using CityBridge.Core.Domain;

namespace CityBridge.Core.Readiness;

/// <summary>One part's completeness (how much is filled in), readiness score (how good it looks) and what is missing, in percent.</summary>
public sealed record PartReadiness(ReadinessPart Part, decimal CompletenessPercent, decimal ScorePercent, IReadOnlyList<string> Missing);

/// <summary>A project's readiness: its four parts and the overall score (the plain mean of the four).</summary>
public sealed record ProjectReadiness(IReadOnlyList<PartReadiness> Parts)
{
    public decimal OverallScorePercent => Parts.Count == 0 ? 0 : Math.Round(Parts.Average(p => p.ScorePercent), 1);

    public decimal OverallCompletenessPercent => Parts.Count == 0 ? 0 : Math.Round(Parts.Average(p => p.CompletenessPercent), 1);
}

/// <summary>The scoring rules of docs/readiness.md: each check is worth an equal share.</summary>
public static class ReadinessScorer
{
    public static PartReadiness Plan(ProjectPlan plan)
    {
        var kpisComplete = plan.Kpis.Count > 0 && plan.Kpis.All(k => k.Baseline is not null && k.Target is not null);
        var phasesDated = plan.Phases.Count > 0 && plan.Phases.All(p => p.Start is not null && p.End is not null && p.Start <= p.End);
        var completeness = Share(
            (plan.Objectives.Count > 0, "Add at least one objective."),
            (plan.Stakeholders.Count > 0, "Name the stakeholders and their roles."),
            (phasesDated, "Give every phase a start and an end date."),
            (kpisComplete, "Choose ISO 37120/37122 KPIs with a baseline and a target."));
        var score = Share(
            (plan.Objectives.Count > 0, ""),
            (plan.Stakeholders.Count >= 2, ""),
            (phasesDated && plan.Phases.Count >= 2, ""),
            (plan.Kpis.Count >= 3, ""),
            (kpisComplete && plan.Kpis.All(k => k.TargetYear is not null), ""));
        return new PartReadiness(ReadinessPart.Plan, completeness.Percent, score.Percent, completeness.Missing);
    }

    public static PartReadiness Finance(FinancePlan plan, FinanceAnalysis analysis)
    {
        var baseResult = analysis.Scenarios.Count > 0 ? analysis.Scenarios[0] : null;
        var completeness = Share(
            (plan.Funding.Count > 0, "Enter the funding plan: sources and amounts per year."),
            (analysis.TotalNeedUsd > 0, "Enter the capital expenditure per year."),
            (plan.Scenarios.Any(s => s.Years.Any(y => y.Revenue != 0 || y.Opex != 0)), "Enter operating costs and revenues."),
            (plan.Scenarios.Count >= 2, "Add a second scenario (e.g. low demand) to compare."));
        var coverage = analysis.TotalNeedUsd <= 0 ? 0m : Math.Clamp(analysis.TotalFundedUsd / analysis.TotalNeedUsd, 0m, 1m);
        var horizon = baseResult?.Years.Count ?? 0;
        var payback = baseResult?.Payback switch
        {
            null or { Periods: null } => 0m,
            { NegativeAgainInPeriod: not null } => 0m,
            { Periods: { } p } when p <= horizon / 2m => 1m,
            _ => 0.5m,
        };
        // 40% for closing the funding gap, 30% for a non-negative NPV, 30% for paying back within the horizon.
        var score = baseResult is null ? 0m : (40m * coverage) + (baseResult.NpvUsd >= 0 ? 30m : 0m) + (30m * payback);
        var missing = completeness.Missing.ToList();
        if (analysis.TotalGapUsd > 0)
        {
            missing.Add($"Close the funding gap of USD {analysis.TotalGapUsd:N0}.");
        }

        return new PartReadiness(ReadinessPart.Finance, completeness.Percent, Math.Round(score, 1), missing);
    }

    public static PartReadiness Procurement(ProcurementAssessment assessment, int checklistSize, bool published)
    {
        var tender = assessment.Tender;
        var reviewed = assessment.Checklist.Count(c => c.Status != ChecklistStatus.NotReviewed);
        var completeness = Share(
            (checklistSize == 0 || reviewed >= checklistSize, "Review every standard on the sector checklist."),
            (!string.IsNullOrWhiteSpace(tender.Title) && !string.IsNullOrWhiteSpace(tender.Description), "Give the tender a title and a description."),
            (tender.Value is not null, "Estimate the tender's value."),
            (tender.TenderStart is not null && tender.TenderEnd is not null, "Set the tender period."),
            (tender.Items.Count > 0, "List what is to be procured."));
        var missing = completeness.Missing.ToList();
        if (!published)
        {
            missing.Add("Publish the tender as OCDS.");
        }

        // Half for a complete draft, half for having published it in the open.
        var score = (completeness.Percent / 2m) + (published ? 50m : 0m);
        return new PartReadiness(ReadinessPart.Procurement, completeness.Percent, score, missing);
    }

    public static PartReadiness Cyber(CyberResult result)
    {
        var missing = new List<string>();
        var unrated = result.Categories.Count(c => c.Claimed is null);
        if (unrated > 0)
        {
            missing.Add($"Rate the {unrated} NIST CSF categories not yet rated.");
        }

        var capped = result.Categories.Count(c => c.CappedForMissingEvidence);
        if (capped > 0)
        {
            missing.Add($"Add evidence for the {capped} categories rated 3 or more.");
        }

        return new PartReadiness(ReadinessPart.Cyber, result.CompletenessPercent, result.ScorePercent, missing);
    }

    private static (decimal Percent, IReadOnlyList<string> Missing) Share(params (bool Done, string IfMissing)[] checks) =>
        (Math.Round(100m * checks.Count(c => c.Done) / checks.Length, 1), checks.Where(c => !c.Done && c.IfMissing.Length > 0).Select(c => c.IfMissing).ToList());
}
