using System.Globalization;
using System.Net;
using System.Text;
using CityBridge.Core.Dashboards;

namespace CityBridge.Web.Features.Dashboard;

/// <summary>Draws a chart as inline SVG on the server: horizontal bars, one per series, with values and a legend; no script.</summary>
public static class SvgBarChart
{
    private const int LabelWidth = 210;
    private const int BarArea = 520;
    private const int RowHeight = 22;

    /// <summary>The most characters of a 12 px label that fit in <see cref="LabelWidth"/>.</summary>
    private const int MaxLabelLength = 30;

    public static string Render(ChartData chart)
    {
        if (chart.Rows.Count == 0)
        {
            return "<p class=\"empty\">No data for these filters yet.</p>";
        }

        var series = Math.Max(1, chart.Series.Count);
        var groupHeight = (RowHeight * series) + 8;
        var legend = chart.Series.Count > 1 ? 24 : 0;
        var height = (chart.Rows.Count * groupHeight) + 8 + legend;
        var max = chart.Max == 0 ? 1 : chart.Max;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {LabelWidth + BarArea + 140} {height}\" role=\"img\" aria-label=\"{Encode(chart.Title)}\">");
        for (var i = 0; i < chart.Rows.Count; i++)
        {
            var row = chart.Rows[i];
            var top = (i * groupHeight) + 4;
            // A label longer than its column is shortened; the full text stays in the label's tooltip and the data table.
            var label = row.Label.Length > MaxLabelLength ? row.Label[..(MaxLabelLength - 1)].TrimEnd() + "…" : row.Label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{top + (groupHeight / 2.0):F1}\" text-anchor=\"end\" dominant-baseline=\"middle\"><title>{Encode(row.Label)}</title>{Encode(label)}</text>");
            for (var s = 0; s < row.Values.Count; s++)
            {
                var width = (double)(row.Values[s] / max) * BarArea;
                var y = top + (s * RowHeight);
                var value = row.Values[s].ToString("N0", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar-{s + 1}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(width, 1):F1}\" height=\"{RowHeight - 4}\"><title>{Encode(row.Label)}, {Encode(chart.Series[s])}: {value} {Encode(chart.Unit)}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6:F1}\" y=\"{y + ((RowHeight - 4) / 2.0):F1}\" dominant-baseline=\"middle\">{value}</text>");
            }
        }

        for (var s = 0; s < chart.Series.Count && legend > 0; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-{s + 1}\" x=\"{LabelWidth + (s * 90)}\" y=\"{height - 18}\" width=\"12\" height=\"12\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + (s * 90) + 18}\" y=\"{height - 12}\" dominant-baseline=\"middle\">{Encode(chart.Series[s])}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
