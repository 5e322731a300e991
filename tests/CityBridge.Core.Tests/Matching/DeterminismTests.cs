using CityBridge.Core.Matching;

namespace CityBridge.Core.Tests.Matching;

/// <summary>A batch re-match ranks projects on many threads at once; the result must not depend on it.</summary>
public sealed class DeterminismTests(EmbeddedMarket market) : IClassFixture<EmbeddedMarket>
{
    [Fact]
    public void Ranking_a_market_in_parallel_twice_and_sequentially_once_gives_identical_output()
    {
        var parallelFirst = Render(RankOnFreshIndex(parallel: true));
        var parallelSecond = Render(RankOnFreshIndex(parallel: true));
        var sequential = Render(RankOnFreshIndex(parallel: false));

        Assert.Equal(sequential, parallelFirst);
        Assert.Equal(sequential, parallelSecond);
    }

    [Fact]
    public void Every_project_ranked_in_parallel_on_a_fresh_index_gets_its_keyword_signal()
    {
        var ranked = RankOnFreshIndex(parallel: true);

        // Each generated project shares words with some provider: a zero keyword signal across a whole top list means the
        // ranking read an index that had not been refreshed yet.
        Assert.All(ranked, project => Assert.Contains(project.Providers, p => p.Signals.Single(s => s.Name == SignalNames.Keyword).Value > 0));
    }

    private IReadOnlyList<ProjectMatches> RankOnFreshIndex(bool parallel)
    {
        // A fresh index each time: the race was between the first readers of a newly filled index.
        using var index = MarketMatcher.BuildIndex(market.Market, market.Embeddings, MatchWeights.Default);
        if (parallel)
        {
            return MarketMatcher.RankAll(index, market.Market.Projects, market.Embeddings, 10);
        }

        return market.Market.Projects
            .Select(p => new ProjectMatches(p.Id, index.Rank(p, market.Embeddings.Get(EmbeddingText.ForProject(p)), 10)))
            .ToList();
    }

    private static List<string> Render(IReadOnlyList<ProjectMatches> matches) =>
        matches.SelectMany(m => m.Providers.Select(p =>
            $"{m.ProjectId} {p.ProviderId} {p.Score:R} {string.Join("|", p.Signals.Select(s => $"{s.Name}={s.Value:R}:{s.Why}"))}")).ToList();
}
