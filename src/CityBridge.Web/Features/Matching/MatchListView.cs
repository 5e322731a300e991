namespace CityBridge.Web.Features.Matching;

/// <summary>What the match list partial shows: suggestions from a project's or a provider's side, and what the viewer may do.</summary>
public sealed record MatchListView(IReadOnlyList<MatchItem> Items, bool ForProject, bool CanCurate, bool CanMark, bool Loading, bool CanAct = false, bool MayStartOpportunity = false)
{
    public static string Percent(double value) => value.ToString("P0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text, HTML-encoded, with each word that starts like one of the shared terms in a mark element.</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Highlight(string text, IReadOnlyList<string> terms)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var words = terms.Where(t => t.Length >= 3).Select(t => System.Text.RegularExpressions.Regex.Escape(t)).ToList();
        if (words.Count == 0)
        {
            return new Microsoft.AspNetCore.Html.HtmlString(encoder.Encode(text));
        }

        var pattern = new System.Text.RegularExpressions.Regex($@"\b(?:{string.Join("|", words)})\w*", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));
        var html = new System.Text.StringBuilder();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in pattern.Matches(text))
        {
            html.Append(encoder.Encode(text[at..m.Index])).Append("<mark>").Append(encoder.Encode(m.Value)).Append("</mark>");
            at = m.Index + m.Length;
        }

        return new Microsoft.AspNetCore.Html.HtmlString(html.Append(encoder.Encode(text[at..])).ToString());
    }
}
