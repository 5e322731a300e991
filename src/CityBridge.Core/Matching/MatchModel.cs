using CityBridge.Core.Domain;

namespace CityBridge.Core.Matching;

/// <summary>What a provider offers under one name; its text and sectors count towards the provider's fit.</summary>
public sealed record MatchSolution(string Name, string? Description, IReadOnlyList<string> Sectors, IReadOnlyList<string> Standards);

/// <summary>A provider as the matching engine sees it.</summary>
public sealed record MatchProvider(
    string Id,
    string Name,
    string? Description,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Standards,
    IReadOnlyList<MatchSolution> Solutions)
{
    /// <summary>Project stages the provider usually works at; empty when not known.</summary>
    public IReadOnlyList<ProjectStage> Stages { get; init; } = [];

    /// <summary>Smallest usual deal in USD, when known.</summary>
    public decimal? DealSizeMinUsd { get; init; }

    /// <summary>Largest usual deal in USD, when known.</summary>
    public decimal? DealSizeMaxUsd { get; init; }
}

/// <summary>A city's priority project as the matching engine sees it.</summary>
public sealed record MatchProject(
    string Id,
    string Title,
    string? Description,
    string? City,
    string? Country,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Standards,
    ProjectStage? Stage,
    decimal? BudgetUsd);

/// <summary>One reason in a score: the signal's value in [0, 1], its weighted share of the score and why, in plain words.</summary>
public sealed record MatchSignal(string Name, double Value, double Contribution, string Why)
{
    /// <summary>The words of the project that the provider's text uses too, as the project wrote them (keyword signal only), for highlighting.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Equal when every field is, the terms compared word by word.</summary>
    public bool Equals(MatchSignal? other) =>
        other is not null && Name == other.Name && Value.Equals(other.Value) && Contribution.Equals(other.Contribution) && Why == other.Why && Terms.SequenceEqual(other.Terms);

    public override int GetHashCode() => HashCode.Combine(Name, Value, Contribution, Why);
}

/// <summary>A provider ranked for a project: the score is the sum of the signals' contributions.</summary>
public sealed record ProviderMatch(string ProviderId, double Score, IReadOnlyList<MatchSignal> Signals, string? BestSolution)
{
    /// <summary>Strong, possible or weak, from the score (thresholds in <see cref="MatchFit"/>); weak matches can be folded away.</summary>
    public FitLabel Fit => MatchFit.Of(Score);

    /// <summary>The match in plain words: what fits, what counts against it.</summary>
    public MatchExplanation Explain() => MatchExplanation.Of(Score, Signals);
}

/// <summary>The ranked providers of one project.</summary>
public sealed record ProjectMatches(string ProjectId, IReadOnlyList<ProviderMatch> Providers);

/// <summary>The names of the signals, in the order they are reported.</summary>
public static class SignalNames
{
    public const string Sector = "sector";
    public const string Semantic = "semantic";
    public const string Keyword = "keyword";
    public const string Country = "country";
    public const string Standards = "standards";
    public const string Stage = "stage";
    public const string Budget = "budget";

    public static IReadOnlyList<string> All { get; } = [Sector, Semantic, Keyword, Country, Standards, Stage, Budget];
}
