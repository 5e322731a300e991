using CityBridge.Core.Programs;

namespace CityBridge.Core.Tests.Programs;

public sealed class FeedbackSummaryTests
{
    [Fact]
    public void Average_and_distribution_follow_the_scores()
    {
        var summary = FeedbackSummary.Of([5, 4, 4, 2]);

        Assert.Equal(4, summary.Count);
        Assert.Equal(3.75, summary.Average);
        Assert.Equal([0, 1, 0, 2, 1], summary.Distribution);
    }

    [Fact]
    public void No_feedback_has_no_average()
    {
        Assert.Null(FeedbackSummary.Of([]).Average);
    }
}
