using CityBridge.Core.Readiness;

namespace CityBridge.Core.Tests.Readiness;

public sealed class CyberScoringTests
{
    private static readonly CsfCategory[] Catalog =
    [
        new("GV.OC", "GV", "Govern", "Organizational Context", "Write down the city's mission."),
        new("GV.RM", "GV", "Govern", "Risk Management Strategy", "Agree risk appetite."),
        new("PR.AA", "PR", "Protect", "Identity Management, Authentication, and Access Control", "Turn on MFA."),
        new("RC.RP", "RC", "Recover", "Incident Recovery Plan Execution", "Test restores."),
    ];

    [Fact]
    public void Function_maturity_is_the_mean_over_its_categories_with_unrated_ones_counting_zero()
    {
        var result = CyberScoring.Evaluate(Catalog, new([new("GV.OC", 2, "Charter"), new("PR.AA", 4, "MFA report")]));

        Assert.Equal(1m, result.Functions.Single(f => f.FunctionId == "GV").AverageMaturity);
        Assert.Equal(1, result.Functions.Single(f => f.FunctionId == "GV").Rated);
        Assert.Equal(4m, result.Functions.Single(f => f.FunctionId == "PR").AverageMaturity);
        Assert.Equal(50m, result.CompletenessPercent);
    }

    [Fact]
    public void A_rating_of_3_or_more_without_evidence_counts_as_2()
    {
        var result = CyberScoring.Evaluate(Catalog, new([new("PR.AA", 4, "  ")]));

        var category = result.Categories.Single(c => c.Category.Id == "PR.AA");
        Assert.Equal(4, category.Claimed);
        Assert.Equal(2, category.Effective);
        Assert.True(category.CappedForMissingEvidence);
    }

    [Fact]
    public void Score_weighs_each_function_equally_on_the_0_to_4_scale()
    {
        // GV mean 4, PR 4, RC 0: (4 + 4 + 0) / 3 / 4 = 66.7%.
        var result = CyberScoring.Evaluate(Catalog, new([new("GV.OC", 4, "a"), new("GV.RM", 4, "b"), new("PR.AA", 4, "c"), new("RC.RP", 0, null)]));

        Assert.Equal(66.7m, result.ScorePercent);
    }

    [Fact]
    public void Weakest_lists_categories_at_maturity_1_or_less_lowest_first_with_their_actions()
    {
        var result = CyberScoring.Evaluate(Catalog, new([new("GV.OC", 1, null), new("GV.RM", 3, "Policy"), new("PR.AA", 0, null)]));

        Assert.Equal(["PR.AA", "RC.RP", "GV.OC"], result.Weakest.Select(w => w.Category.Id));
        Assert.Equal("Turn on MFA.", result.Weakest[0].Category.RecommendedAction);
    }

    [Fact]
    public void Ratings_outside_the_scale_are_clamped()
    {
        var result = CyberScoring.Evaluate(Catalog, new([new("GV.OC", 9, "x"), new("GV.RM", -3, null)]));

        Assert.Equal(4, result.Categories[0].Effective);
        Assert.Equal(0, result.Categories[1].Effective);
    }
}
