using CityBridge.Core.Domain;
using CityBridge.Core.Matching;

namespace CityBridge.Core.Tests.Matching;

/// <summary>What the provider does decides the order; country, standards, stage and budget only refine it.</summary>
public sealed class TechnologyFitTests(EmbeddedMarket market) : IClassFixture<EmbeddedMarket>
{
    private static readonly MatchProject Parking = new(
        "kl-parking", "Parking enforcement with number plate cameras",
        "We want licence plate recognition on patrol vehicles to enforce on-street parking, with digital permits.",
        "Kuala Lumpur", "MY", ["transportation"], ["ISO 9001"], ProjectStage.Design, 3_000_000m);

    // Does exactly the job, but has never worked in ASEAN, states no standard and usually works at other stages.
    private static readonly MatchProvider PlateReader = new(
        "plateread", "PlateRead", "Licence plate recognition cameras for parking enforcement and permit checking.",
        ["transportation"], ["US"], [],
        [new MatchSolution("PlateRead ANPR", "Automatic number plate recognition on enforcement vehicles.", ["transportation"], [])])
    {
        Stages = [ProjectStage.Operation],
        DealSizeMinUsd = 50_000_000m,
    };

    // Same sector, everything else right for the project, but the wrong technology.
    private static MatchProvider WrongButLocal(string id, string name, string description) => new(
        id, name, description, ["transportation"], ["MY"], ["ISO 9001"], [])
    {
        Stages = [ProjectStage.Design],
        DealSizeMinUsd = 1_000_000m,
        DealSizeMaxUsd = 5_000_000m,
    };

    private static readonly MatchProvider[] Providers =
    [
        PlateReader,
        WrongButLocal("bustrack", "BusTrack", "GPS tracking of city buses and arrival times at bus stops."),
        WrongButLocal("roadpave", "RoadPave", "Asphalt paving and road resurfacing for city streets."),
        WrongButLocal("ferry", "FerryLink", "Ticketing and scheduling for river ferries."),
    ];

    [Fact]
    public void A_provider_doing_the_wrong_thing_does_not_outrank_the_right_one_through_country_standards_stage_and_budget()
    {
        using var index = market.Index(Providers);

        var ranking = market.Rank(index, Parking, Providers.Length);

        Assert.Equal("plateread", ranking[0].ProviderId);
    }

    [Fact]
    public void Context_signals_count_in_proportion_to_the_technology_fit_and_all_contributions_add_up()
    {
        var w = MatchWeights.Default.Normalized();
        double[] noTechnology = [0, 0, 0, 1, 1, 1, 1];
        double[] fullTechnology = [1, 1, 1, 1, 1, 1, 1];

        var none = MatchScoring.Contributions(w, noTechnology);
        var full = MatchScoring.Contributions(w, fullTechnology);

        Assert.All(none, c => Assert.Equal(0, c));
        Assert.Equal(1, full.Sum(), 9);
        Assert.Equal(full.Sum(), MatchScoring.Score(w, SignalNames.All.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => fullTechnology[p.i])), 9);
    }

    [Fact]
    public void Every_ranked_match_carries_a_fit_label_from_its_score()
    {
        using var index = market.Index(Providers);

        var ranking = market.Rank(index, Parking, Providers.Length);

        Assert.All(ranking, m => Assert.Equal(MatchFit.Of(m.Score), m.Fit));
        Assert.NotEqual(FitLabel.Weak, ranking[0].Fit);
        Assert.Equal(FitLabel.Weak, ranking.Single(m => m.ProviderId == "roadpave").Fit);
        Assert.Equal(FitLabel.Strong, MatchFit.Of(MatchFit.StrongFrom));
        Assert.Equal(FitLabel.Possible, MatchFit.Of(MatchFit.PossibleFrom));
        Assert.Equal(FitLabel.Weak, MatchFit.Of(MatchFit.PossibleFrom - 0.001));
    }

    [Fact]
    public void No_key_words_in_common_is_said_only_when_no_word_is_shared()
    {
        using var index = market.Index(Providers);

        var ranking = market.Rank(index, Parking, Providers.Length);
        var plate = ranking.Single(m => m.ProviderId == "plateread").Explain();
        var ferry = ranking.Single(m => m.ProviderId == "ferry");

        Assert.Contains("licence", plate.MatchedTerms);
        Assert.Contains(plate.For, r => r.StartsWith("both mention", StringComparison.Ordinal));
        Assert.DoesNotContain(plate.Against, r => r.Contains("key words", StringComparison.Ordinal));
        Assert.Equal("no key words in common", ferry.Signals.Single(s => s.Name == SignalNames.Keyword).Why);
        Assert.Contains("no key words in common", ferry.Explain().Against);
    }

    [Fact]
    public void What_counts_against_a_provider_names_the_missing_country_experience_and_stage()
    {
        using var index = market.Index(Providers);

        var plate = market.Rank(index, Parking, Providers.Length).Single(m => m.ProviderId == "plateread").Explain();

        Assert.Contains("no delivery experience in ASEAN yet", plate.Against);
        Assert.Contains(plate.Against, r => r.Contains("the project is at design", StringComparison.Ordinal));
        Assert.StartsWith("its PlateRead ANPR", plate.FitsBecause, StringComparison.Ordinal);
    }
}

public sealed class WeightFittingTests
{
    private static MarkedPair Pair(string project, string provider, bool relevant, double semantic, double country) =>
        new(project, provider, relevant, new Dictionary<string, double> { [SignalNames.Semantic] = semantic, [SignalNames.Country] = country, [SignalNames.Sector] = 1 });

    // On every project the relevant provider has the better semantic value and the worse country value.
    private static List<MarkedPair> Marks() => Enumerable.Range(1, 6).SelectMany(p => new[]
    {
        Pair($"p{p}", "right", true, 0.5 + (p * 0.01), 0),
        Pair($"p{p}", "wrong", false, 0.4, 1),
        Pair($"p{p}", "other", false, 0.3, 1),
    }).ToList();

    [Fact]
    public void Weights_fitted_to_marks_beat_weights_that_favour_country_on_held_out_projects()
    {
        var countryHeavy = new MatchWeights(Sector: 0, Semantic: 0.1, Keyword: 0, Country: 10, Standards: 0, Stage: 0, Budget: 0);

        var fit = WeightFitting.Fit(Marks(), countryHeavy)!;

        Assert.Equal(5, fit.Folds);
        Assert.Equal(6, fit.Projects);
        Assert.True(fit.IsBetter);
        Assert.True(fit.HeldOutAfter > fit.HeldOutBefore);
        Assert.True(WeightFitting.Ndcg(Marks(), fit.Fitted) > WeightFitting.Ndcg(Marks(), countryHeavy));
    }

    [Fact]
    public void Weights_that_already_rank_every_mark_right_are_kept_and_not_offered_again()
    {
        var fit = WeightFitting.Fit(Marks(), MatchWeights.Default)!;

        Assert.False(fit.IsBetter);
        Assert.Equal(MatchWeights.Default, fit.Fitted);
    }

    [Fact]
    public void Marks_on_fewer_than_two_projects_give_no_fit()
    {
        Assert.Null(WeightFitting.Fit([], MatchWeights.Default));
        Assert.Null(WeightFitting.Fit(Marks().Where(m => m.ProjectId == "p1").ToList(), MatchWeights.Default));
    }
}
