using CityBridge.Core.Matching;
using FsCheck;
using FsCheck.Fluent;

namespace CityBridge.Core.Tests.Matching;

/// <summary>The 8-bit semantic bounds prune the ranking; they must never change it.</summary>
public sealed class SemanticBoundsTests
{
    private const int Dimensions = 384;

    [Fact]
    public void The_fast_top_ten_equals_the_head_of_the_unpruned_ranking_on_random_markets()
    {
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var market = MarketGenerator.Generate(seed, providers: 300, projects: 6);
            var projectVectors = market.Projects.Select(_ => RandomUnit(random)).ToList();
            using var index = new MatchIndex();
            foreach (var provider in market.Providers)
            {
                // Near a project's vector or anywhere: the top ten then holds strong semantic fits as well as chance ones.
                float[] Vector() => random.Next(3) == 0 ? Near(projectVectors[random.Next(projectVectors.Count)], random) : RandomUnit(random);
                index.Upsert(provider, new ProviderVectors(Vector(), provider.Solutions.Select(_ => Vector()).ToList()));
            }

            for (var p = 0; p < market.Projects.Count; p++)
            {
                var top = index.Rank(market.Projects[p], projectVectors[p], 10);
                var everyone = index.Rank(market.Projects[p], projectVectors[p], market.Providers.Count);

                Assert.Equal(market.Providers.Count, everyone.Count);
                Assert.Equal(everyone.Take(10), top, MatchIndexTests.MatchComparer.Instance);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void The_bound_is_at_least_every_providers_semantic_value_after_replacements_and_removals()
    {
        Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var bounds = new SemanticBounds();
            var current = new Dictionary<int, ProviderVectors>();
            // Enough replacements and removals to make the store compact its rows at least once.
            for (var step = 0; step < 12_000; step++)
            {
                var ordinal = random.Next(2_000);
                if (random.Next(6) == 0)
                {
                    bounds.Clear(ordinal);
                    current.Remove(ordinal);
                    continue;
                }

                var vectors = new ProviderVectors(
                    random.Next(4) == 0 ? null : Awkward(random),
                    Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(5) == 0 ? null : Awkward(random)).ToList());
                bounds.Set(ordinal, vectors);
                current[ordinal] = vectors;
            }

            // One query alone, and four in one pass as a batch re-match does: the same bounds either way.
            var queries = Enumerable.Range(0, 5).Select(_ => Awkward(random)).ToList();
            var batch = new double[4 * 2_000];
            bounds.Fill(queries.Skip(1).ToList(), batch, 2_000);
            for (var q = 0; q < queries.Count; q++)
            {
                var filled = new double[2_000];
                bounds.Fill(queries[q], filled, filled.Length);
                Assert.True(q == 0 || filled.SequenceEqual(batch.Skip((q - 1) * 2_000).Take(2_000)), "a batch pass gave other bounds than a single one");
                for (var i = 0; i < filled.Length; i++)
                {
                    var exact = current.TryGetValue(i, out var v) ? Semantic(queries[q], v) : 0;
                    Assert.True(filled[i] >= exact, $"bound {filled[i]} below the semantic value {exact} of provider {i}");
                    Assert.True(filled[i] - exact < 0.05, $"bound {filled[i]} far above the semantic value {exact} of provider {i}");
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3));
    }

    [Fact]
    public void The_vectorised_code_dot_product_equals_the_plain_one()
    {
        Prop.ForAll(Gen.Choose(0, 1_000).ToArbitrary(), Gen.Choose(1, 10_000).ToArbitrary(), (length, seed) =>
        {
            var random = new Random(seed);
            var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();

            Assert.Equal(SemanticBounds.ScalarDot(a, b), SemanticBounds.Dot(a, b));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(50));
    }

    private static double Semantic(float[] query, ProviderVectors vectors)
    {
        var best = vectors.Description is null ? 0f : VectorMath.Dot(query, vectors.Description);
        foreach (var solution in vectors.Solutions.OfType<float[]>())
        {
            best = Math.Max(best, VectorMath.Dot(query, solution));
        }

        return Math.Clamp(best, 0, 1);
    }

    private static float[] RandomUnit(Random random)
    {
        var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        VectorMath.Normalize(vector);
        return vector;
    }

    private static float[] Near(float[] target, Random random)
    {
        var noise = RandomUnit(random);
        var weight = (float)random.NextDouble();
        var vector = target.Select((x, i) => x + (weight * noise[i])).ToArray();
        VectorMath.Normalize(vector);
        return vector;
    }

    /// <summary>Unit vectors of awkward shapes for 8-bit codes: spread out, one large component, or mostly zero.</summary>
    private static float[] Awkward(Random random)
    {
        var vector = RandomUnit(random);
        switch (random.Next(3))
        {
            case 0:
                vector[random.Next(Dimensions)] = 50;
                break;
            case 1:
                for (var i = 0; i < Dimensions; i++)
                {
                    vector[i] = random.Next(10) == 0 ? vector[i] : 0;
                }

                break;
        }

        VectorMath.Normalize(vector);
        return vector;
    }
}
