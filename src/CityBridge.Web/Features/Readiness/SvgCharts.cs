using System.Globalization;
using System.Net;
using System.Text;
using CityBridge.Core.Readiness;

namespace CityBridge.Web.Features.Readiness;

/// <summary>Charts drawn on the server as inline SVG: no script, no CDN, and they print.</summary>
public static class SvgCharts
{
    private static readonly string[] Palette = ["#1f6fb2", "#e07b39", "#3a9b5c", "#8e5cb5", "#c94c4c"];

    /// <summary>One horizontal bar per CSF function on the 0–4 maturity scale.</summary>
    public static string CyberFunctions(IReadOnlyList<FunctionResult> functions)
    {
        const int rowHeight = 34, labelWidth = 150, barWidth = 360, top = 10;
        var height = top + (functions.Count * rowHeight) + 30;
        var svg = Start(labelWidth + barWidth + 60, height, "Average maturity per NIST CSF function, 0 to 4");
        for (var tick = 0; tick <= CyberScoring.MaxMaturity; tick++)
        {
            var x = labelWidth + (tick * barWidth / CyberScoring.MaxMaturity);
            svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{height - 24}\" stroke=\"#d5dde6\"/>"));
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{height - 8}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6b7b\">{tick}</text>"));
        }

        for (var i = 0; i < functions.Count; i++)
        {
            var f = functions[i];
            var y = top + (i * rowHeight);
            var width = (double)f.AverageMaturity / CyberScoring.MaxMaturity * barWidth;
            svg.Append(Invariant($"<text x=\"{labelWidth - 8}\" y=\"{y + 20}\" text-anchor=\"end\" font-size=\"13\">{Text(f.FunctionName)} ({Text(f.FunctionId)})</text>"));
            svg.Append(Invariant($"<rect x=\"{labelWidth}\" y=\"{y + 6}\" width=\"{width:0.#}\" height=\"20\" fill=\"{Colour(f.AverageMaturity)}\"><title>{Text(f.FunctionName)}: {f.AverageMaturity:0.##} of 4</title></rect>"));
            svg.Append(Invariant($"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 21}\" font-size=\"12\">{f.AverageMaturity:0.0}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Net cash flow per year, one bar per scenario side by side, negative years below the axis.</summary>
    public static string CashFlows(IReadOnlyList<ScenarioResult> scenarios)
    {
        var years = scenarios.SelectMany(s => s.Years).Distinct().Order().ToList();
        if (years.Count == 0)
        {
            return string.Empty;
        }

        const int width = 640, height = 260, left = 70, right = 10, top = 28, bottom = 30;
        var max = scenarios.SelectMany(s => s.NetFlowsUsd).DefaultIfEmpty(0m).Max(v => Math.Abs(v));
        max = max == 0 ? 1 : max;
        var plotHeight = height - top - bottom;
        var zeroY = top + (plotHeight / 2.0);
        var groupWidth = (double)(width - left - right) / years.Count;
        var barWidth = Math.Max(2, (groupWidth - 6) / Math.Max(1, scenarios.Count));
        var svg = Start(width, height, "Net cash flow per year and scenario, in USD");
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{zeroY:0.#}\" x2=\"{width - right}\" y2=\"{zeroY:0.#}\" stroke=\"#5b6b7b\"/>"));
        svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{top + 4}\" text-anchor=\"end\" font-size=\"11\">{Money(max)}</text>"));
        svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{zeroY + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">0</text>"));
        svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{height - bottom + 4}\" text-anchor=\"end\" font-size=\"11\">-{Money(max)}</text>"));
        for (var s = 0; s < scenarios.Count; s++)
        {
            var scenario = scenarios[s];
            svg.Append(Invariant($"<rect x=\"{left + (s * 150)}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/>"));
            svg.Append(Invariant($"<text x=\"{left + (s * 150) + 16}\" y=\"14\" font-size=\"12\">{Text(scenario.Name)}</text>"));
            for (var i = 0; i < scenario.Years.Count; i++)
            {
                var slot = years.IndexOf(scenario.Years[i]);
                var value = (double)(scenario.NetFlowsUsd[i] / max) * (plotHeight / 2.0);
                var x = left + (slot * groupWidth) + 3 + (s * barWidth);
                var y = value >= 0 ? zeroY - value : zeroY;
                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth - 1:0.#}\" height=\"{Math.Abs(value):0.#}\" fill=\"{Palette[s % Palette.Length]}\"><title>{Text(scenario.Name)} {scenario.Years[i]}: USD {scenario.NetFlowsUsd[i]:N0}</title></rect>"));
            }
        }

        for (var i = 0; i < years.Count; i++)
        {
            svg.Append(Invariant($"<text x=\"{left + (i * groupWidth) + (groupWidth / 2):0.#}\" y=\"{height - 10}\" text-anchor=\"middle\" font-size=\"11\">{years[i]}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(int width, int height, string title) =>
        new StringBuilder().Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" style=\"max-width:{width}px\" role=\"img\" aria-label=\"{Text(title)}\" font-family=\"system-ui, sans-serif\"><title>{Text(title)}</title>"));

    private static string Colour(decimal maturity) => maturity switch
    {
        < 1.5m => "#c94c4c",
        < 2.5m => "#e0a339",
        _ => "#3a9b5c",
    };

    private static string Money(decimal amount) => amount switch
    {
        >= 1_000_000_000m => Invariant($"{amount / 1_000_000_000m:0.#}bn"),
        >= 1_000_000m => Invariant($"{amount / 1_000_000m:0.#}m"),
        >= 1_000m => Invariant($"{amount / 1_000m:0.#}k"),
        _ => Invariant($"{amount:0}"),
    };

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
