namespace CityBridge.Web.Features.Matching;

/// <summary>What the match list partial shows: suggestions from a project's or a provider's side, and what the viewer may do.</summary>
public sealed record MatchListView(IReadOnlyList<MatchItem> Items, bool ForProject, bool CanCurate, bool CanMark, bool Loading, bool CanAct = false, bool MayStartOpportunity = false)
{
    public static string Percent(double value) => value.ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
}
