using CityBridge.Core.Matching;
using CityBridge.Web.Features.Matching;

namespace CityBridge.Web.Features.My;

/// <summary>
/// Strong or weak, from a match's score: the one place the workspace draws the line (docs/getting-around.md). A match
/// scoring at least <see cref="StrongFrom"/> is shown first; weaker ones are folded under "show more".
/// </summary>
/// <remarks>Once match explanations carry the matching engine's own fit label, this reads that label instead.</remarks>
public static class MatchStrength
{
    /// <summary>Half of the best possible score: about "same sector and related descriptions" (docs/matching.md).</summary>
    public const double StrongFrom = 0.5;

    public static bool IsStrong(double score) => score >= StrongFrom;

    public static string Label(double score) => IsStrong(score) ? "strong" : "weak";

    /// <summary>The one-line reason: why the signal that adds most to the score holds.</summary>
    public static string Reason(IReadOnlyList<MatchSignal> signals) => Reason(signals.Select(s => (s.Contribution, s.Why)));

    /// <summary>The one-line reason of a stored match, read from its signals' JSON without reading the signals whole.</summary>
    public static string Reason(string signalsJson) => Reason(MatchingEngine.ReadReasons(signalsJson));

    private static string Reason(IEnumerable<(double Contribution, string Why)> reasons) =>
        reasons.Where(r => !string.IsNullOrWhiteSpace(r.Why)).OrderByDescending(r => r.Contribution).Select(r => r.Why).FirstOrDefault() ?? "similar work";

    public static string Percent(double score) => score.ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
}
