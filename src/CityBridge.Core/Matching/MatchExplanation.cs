namespace CityBridge.Core.Matching;

/// <summary>How well a provider fits a project, in words a program officer uses instead of a number.</summary>
public enum FitLabel
{
    /// <summary>Below <see cref="MatchFit.PossibleFrom"/>: what the provider does is mostly about something else; lists fold these.</summary>
    Weak,

    /// <summary>From <see cref="MatchFit.PossibleFrom"/>: related technology, worth a look.</summary>
    Possible,

    /// <summary>From <see cref="MatchFit.StrongFrom"/>: the provider does what the project needs.</summary>
    Strong,
}

/// <summary>The documented score thresholds of the fit labels (docs/matching.md), set from the labelled benchmark.</summary>
public static class MatchFit
{
    /// <summary>A score from here is a strong fit.</summary>
    public const double StrongFrom = 0.55;

    /// <summary>A score from here is a possible fit; below it, a weak one.</summary>
    public const double PossibleFrom = 0.42;

    public static FitLabel Of(double score) => score >= StrongFrom ? FitLabel.Strong : score >= PossibleFrom ? FitLabel.Possible : FitLabel.Weak;

    public static string Describe(FitLabel label) => label switch
    {
        FitLabel.Strong => "Strong fit",
        FitLabel.Possible => "Possible fit",
        _ => "Weak fit",
    };
}

/// <summary>
/// A match in plain words: the fit label, what the provider does that fits (with the words both texts use, to highlight),
/// and what counts against it. Built from the signals alone, so stored matches explain themselves the same way.
/// </summary>
public sealed record MatchExplanation(FitLabel Fit, string FitsBecause, IReadOnlyList<string> MatchedTerms, IReadOnlyList<string> For, IReadOnlyList<string> Against)
{
    /// <summary>Below this semantic value the descriptions are about different things, which counts against the provider.</summary>
    public const double UnrelatedBelow = 0.3;

    public static MatchExplanation Of(double score, IReadOnlyList<MatchSignal> signals)
    {
        var byName = signals.ToDictionary(s => s.Name, StringComparer.Ordinal);
        MatchSignal? Get(string name) => byName.GetValueOrDefault(name);
        var semantic = Get(SignalNames.Semantic);
        var keyword = Get(SignalNames.Keyword);
        var terms = keyword?.Terms ?? [];
        var fits = semantic?.Why ?? "the project has no description to compare";
        var pros = new List<string>();
        var cons = new List<string>();
        if (semantic is { Value: < UnrelatedBelow })
        {
            cons.Add(semantic.Why);
        }

        if (keyword is not null)
        {
            (keyword.Value > 0 ? pros : cons).Add(keyword.Why);
        }

        void Sort(string name, Func<MatchSignal, bool> good, Func<MatchSignal, bool> bad)
        {
            if (Get(name) is { } s)
            {
                if (good(s))
                {
                    pros.Add(s.Why);
                }
                else if (bad(s))
                {
                    cons.Add(s.Why);
                }
            }
        }

        Sort(SignalNames.Sector, s => s.Value > 0, s => s.Value == 0 && !s.Why.StartsWith("the project names", StringComparison.Ordinal));
        Sort(SignalNames.Country, s => s.Value > 0, s => !s.Why.Contains("not given", StringComparison.Ordinal));
        Sort(SignalNames.Standards, s => s.Value >= 1, s => s.Value < 0.5 || (s.Value < 1 && s.Why.StartsWith("meets", StringComparison.Ordinal)));
        Sort(SignalNames.Stage, s => s.Value >= 1, s => s.Value <= 0.25);
        Sort(SignalNames.Budget, s => s.Value >= 1, s => s.Value < 0.5 && s.Why.Contains("outside", StringComparison.Ordinal));
        return new MatchExplanation(MatchFit.Of(score), fits, terms, pros, cons);
    }
}
