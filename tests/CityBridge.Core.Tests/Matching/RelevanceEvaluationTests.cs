using CityBridge.Core.Matching;

namespace CityBridge.Core.Tests.Matching;

public sealed class RelevanceEvaluationTests
{
    [Fact]
    public void Precision_at_5_counts_relevant_items_among_the_first_five()
    {
        Assert.Equal(0.6, RelevanceEvaluation.PrecisionAt(5, [true, false, true, true, false, true]), 10);
        Assert.Equal(0.5, RelevanceEvaluation.PrecisionAt(5, [true, false]), 10);
        Assert.Equal(0, RelevanceEvaluation.PrecisionAt(5, []));
    }

    [Fact]
    public void Ndcg_at_10_matches_a_hand_computed_value()
    {
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) = 1.6309...
        var expected = 1.5 / (1 + (1 / Math.Log2(3)));

        Assert.Equal(expected, RelevanceEvaluation.NdcgAt(10, [true, false, true]), 10);
        Assert.Equal(1, RelevanceEvaluation.NdcgAt(10, [true, true, false]), 10);
        Assert.Equal(0, RelevanceEvaluation.NdcgAt(10, [false, false]), 10);
    }

    [Fact]
    public void Evaluation_ranks_only_judged_pairs_and_the_latest_mark_counts()
    {
        RelevanceMark[] marks =
        [
            new("prj-1", "a", Relevant: false),
            new("prj-1", "b", Relevant: true),
            new("prj-1", "a", Relevant: true), // changed their mind: a is relevant after all
            new("prj-1", "c", Relevant: false),
            new("prj-2", "a", Relevant: false),
            new("prj-2", "b", Relevant: true),
        ];
        var scores = new Dictionary<string, double> { ["a"] = 0.9, ["b"] = 0.5, ["c"] = 0.7 };

        var result = RelevanceEvaluation.Evaluate(marks, (_, provider) => scores[provider]);

        // prj-1 ranks a (rel), c (not), b (rel): P = 2/3, nDCG = (1 + 1/2) / (1 + 1/log2 3). prj-2 ranks a (not), b (rel).
        Assert.Equal(2, result.ProjectsJudged);
        Assert.Equal(5, result.PairsJudged);
        Assert.Equal(((2.0 / 3) + 0.5) / 2, result.PrecisionAt5, 10);
        Assert.Equal((1.5 / (1 + (1 / Math.Log2(3))) + (1 / Math.Log2(3))) / 2, result.NdcgAt10, 10);
    }
}
