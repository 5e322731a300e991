using CityBridge.Core.Matching;

namespace CityBridge.Core.Tests.Matching;

public sealed class MatchWeightsTests
{
    [Fact]
    public void Normalized_weights_sum_to_exactly_one()
    {
        var weights = new MatchWeights(1, 1, 1, 1, 1, 1, 1).Normalized();

        Assert.Equal(1.0, weights.Sum(), 12);
        Assert.All(weights, w => Assert.Equal(w, Math.Round(w, 6)));
    }

    [Fact]
    public void Negative_or_all_zero_weights_are_refused_with_the_field_named()
    {
        Assert.Equal("must be a number from 0 to 100", new MatchWeights(Keyword: -1).Problems()["keyword"]);
        Assert.Contains("sector", new MatchWeights(0, 0, 0, 0, 0, 0, 0).Problems().Keys);
        Assert.Empty(MatchWeights.Default.Problems());
    }
}
