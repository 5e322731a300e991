using CityBridge.Core.Domain;
using CityBridge.Core.Matching;
using FsCheck;
using FsCheck.Fluent;

namespace CityBridge.Core.Tests.Matching;

public sealed class MatchIndexTests(EmbeddedMarket market) : IClassFixture<EmbeddedMarket>
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(40);

    private static Gen<MatchWeights> Weights =>
        Gen.Choose(0, 20).ArrayOf(7).Where(w => w.Sum() > 0)
            .Select(w => new MatchWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6]));

    [Fact]
    public void Every_score_is_the_sum_of_its_contributions_and_lies_in_zero_to_one_for_any_weights()
    {
        var projects = Gen.Choose(0, market.Market.Projects.Count - 1);
        Prop.ForAll(Weights.ToArbitrary(), projects.ToArbitrary(), (weights, p) =>
        {
            using var index = market.Index(market.Market.Providers, weights);
            foreach (var match in market.Rank(index, market.Market.Projects[p], 10))
            {
                Assert.InRange(match.Score, 0, 1);
                Assert.Equal(match.Score, match.Signals.Sum(s => s.Contribution), 6);
                Assert.All(match.Signals, s => Assert.InRange(s.Value, 0, 1));
                Assert.Equal(SignalNames.All, match.Signals.Select(s => s.Name));
                Assert.All(match.Signals, s => Assert.False(string.IsNullOrWhiteSpace(s.Why)));
            }
        }).Check(Runs);
    }

    [Fact]
    public void The_pruned_top_ten_equals_the_head_of_the_full_ranking()
    {
        using var index = market.Index(market.Market.Providers);
        foreach (var project in market.Market.Projects)
        {
            var top = market.Rank(index, project, 10);
            var everyone = market.Rank(index, project, market.Market.Providers.Count);

            Assert.Equal(everyone.Take(10).Select(m => (m.ProviderId, m.Score)), top.Select(m => (m.ProviderId, m.Score)));
            Assert.Equal(market.Market.Providers.Count, everyone.Count);
        }
    }

    [Fact]
    public void Ranking_is_deterministic_whatever_the_order_providers_were_added_in()
    {
        Prop.ForAll(Gen.Choose(1, 1000).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var shuffled = market.Market.Providers.OrderBy(_ => random.Next()).ToList();
            using var inOrder = market.Index(market.Market.Providers);
            using var outOfOrder = market.Index(shuffled);
            var project = market.Market.Projects[seed % market.Market.Projects.Count];

            Assert.Equal(market.Rank(inOrder, project, 10), market.Rank(outOfOrder, project, 10), MatchComparer.Instance);
            Assert.Equal(market.Rank(inOrder, project, 10), market.Rank(inOrder, project, 10), MatchComparer.Instance);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(8));
    }

    [Fact]
    public void A_provider_describing_exactly_the_project_ranks_first_when_all_else_is_equal()
    {
        Prop.ForAll(Gen.Choose(0, market.Market.Projects.Count - 1).ToArbitrary(), p =>
        {
            var project = market.Market.Projects[p];
            // Identical providers but for their description: one repeats the project's text, the others another project's.
            var twins = market.Market.Projects.Where(other => other.Id != project.Id).Take(12)
                .Select((other, i) => Twin($"twin-{i:00}", EmbeddingText.ForProject(other)))
                .Append(Twin("twin-duplicate", EmbeddingText.ForProject(project)))
                .ToList();
            using var index = market.Index(twins);

            Assert.Equal("twin-duplicate", market.Rank(index, project, 3)[0].ProviderId);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(10));

        static MatchProvider Twin(string id, string? description) =>
            new(id, "Same Company", description, ["water"], ["VN"], ["ISO 24510"], []);
    }

    [Fact]
    public void An_updated_provider_is_ranked_by_its_new_text_and_a_removed_one_disappears()
    {
        var project = market.Market.Projects[0];
        var unrelated = new MatchProvider("p-x", "Same Company", "Telemedicine platforms for district clinics.", project.Sectors, [], [], []);
        using var index = market.Index(market.Market.Providers.Take(40).Append(unrelated));
        var before = market.Rank(index, project, 41).Single(m => m.ProviderId == "p-x");

        var rewritten = unrelated with { Description = EmbeddingText.ForProject(project) };
        market.Embeddings.EmbedMissing(EmbeddingStore.TextsOf(new Market([rewritten], [])));
        index.Upsert(rewritten, market.Embeddings.For(rewritten));
        var after = market.Rank(index, project, 41).Single(m => m.ProviderId == "p-x");
        index.Remove("p-x");

        Assert.True(after.Score > before.Score, $"{after.Score} should beat {before.Score}");
        Assert.DoesNotContain(market.Rank(index, project, 41), m => m.ProviderId == "p-x");
        Assert.Equal(40, index.Count);
    }

    [Fact]
    public void Weights_of_zero_silence_a_signal()
    {
        using var index = market.Index(market.Market.Providers, new MatchWeights(Sector: 1, Semantic: 0, Keyword: 0, Country: 0, Standards: 0, Stage: 0, Budget: 0));
        var project = market.Market.Projects.First(p => p.Sectors.Count == 1);

        var top = market.Rank(index, project, 5);

        Assert.All(top, m => Assert.Equal(m.Signals.Single(s => s.Name == SignalNames.Sector).Value, m.Score));
        Assert.All(top.SelectMany(m => m.Signals).Where(s => s.Name != SignalNames.Sector), s => Assert.Equal(0, s.Contribution));
    }

    internal sealed class MatchComparer : IEqualityComparer<ProviderMatch>
    {
        public static MatchComparer Instance { get; } = new();

        public bool Equals(ProviderMatch? x, ProviderMatch? y) =>
            x is not null && y is not null && x.ProviderId == y.ProviderId && x.Score == y.Score && x.BestSolution == y.BestSolution && x.Signals.SequenceEqual(y.Signals);

        public int GetHashCode(ProviderMatch obj) => obj.ProviderId.GetHashCode(StringComparison.Ordinal);
    }
}
