using CityBridge.Core.Readiness;

namespace CityBridge.Core.Tests.Readiness;

public sealed class ReadinessScorerTests
{
    [Fact]
    public void An_empty_plan_is_zero_complete_and_says_what_is_missing()
    {
        var plan = ReadinessScorer.Plan(ProjectPlan.Empty);

        Assert.Equal(0m, plan.CompletenessPercent);
        Assert.Equal(0m, plan.ScorePercent);
        Assert.Equal(4, plan.Missing.Count);
    }

    [Fact]
    public void A_full_plan_is_complete_and_fully_scored()
    {
        var plan = new ProjectPlan(
            ["Cut non-revenue water to 20%"],
            [new("Water utility", "Operator"), new("Ministry of Finance", "Co-funder")],
            [new("Feasibility", new(2027, 1, 1), new(2027, 6, 30)), new("Pilot", new(2027, 7, 1), new(2028, 6, 30))],
            [
                new("ISO 37120", "Water", "Percentage of water loss (unaccounted for water)", 38m, 20m, 2030),
                new("ISO 37120", "Water", "Total domestic water consumption per capita (litres/day)", 180m, 150m, 2030),
                new("ISO 37122", "Water", "Percentage of the city's water distribution network monitored by a smart water system", 0m, 60m, 2030),
            ]);

        var readiness = ReadinessScorer.Plan(plan);

        Assert.Equal(100m, readiness.CompletenessPercent);
        Assert.Equal(100m, readiness.ScorePercent);
        Assert.Empty(readiness.Missing);
    }

    [Fact]
    public void Finance_score_rewards_covered_funding_positive_npv_and_early_payback()
    {
        var plan = new FinancePlan([], [new FundingLine(FundingSource.MunicipalBudget, 2027, 50m, "USD")],
            [new FinanceScenario("Base", 10m, "USD", [new(2027, 100m, 0m, 0m), new(2028, 0m, 0m, 60m), new(2029, 0m, 0m, 60m)])]);

        var readiness = ReadinessScorer.Finance(plan, FinanceAnalyzer.Analyze(plan));

        // Half the need is funded (20 of 40), NPV 4.13 ≥ 0 (30), payback 1.67 > 3/2 years (15).
        Assert.Equal(65m, readiness.ScorePercent);
        Assert.Contains("Close the funding gap of USD 50.", readiness.Missing);
    }

    [Fact]
    public void Procurement_is_half_scored_until_the_tender_is_published()
    {
        var assessment = new ProcurementAssessment([new("ISO 37120", ChecklistStatus.RequiredInTender)],
            new TenderDraft("Leak detection", "District metering", "open", "goods", 1_000_000m, "USD", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(30), [new("Meters", 100m, "unit")]));

        Assert.Equal(50m, ReadinessScorer.Procurement(assessment, checklistSize: 1, published: false).ScorePercent);
        Assert.Equal(100m, ReadinessScorer.Procurement(assessment, checklistSize: 1, published: true).ScorePercent);
    }

    [Fact]
    public void Overall_readiness_is_the_mean_of_the_four_scores()
    {
        var readiness = new ProjectReadiness([
            new(Domain.ReadinessPart.Plan, 100m, 100m, []),
            new(Domain.ReadinessPart.Finance, 50m, 50m, []),
            new(Domain.ReadinessPart.Procurement, 0m, 0m, []),
            new(Domain.ReadinessPart.Cyber, 10m, 10m, []),
        ]);

        Assert.Equal(40m, readiness.OverallScorePercent);
    }
}
