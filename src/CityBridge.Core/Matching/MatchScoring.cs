namespace CityBridge.Core.Matching;

/// <summary>
/// How signal values become a score. Technology fit decides: sector, meaning and key words are added with their weights.
/// The context (country, standards, stage, budget) only refines: each context signal adds its weight times its value
/// times the technology fit, so a provider that does the wrong thing gains next to nothing from having worked in the
/// country. The contributions add up to the score (match-v1).
/// </summary>
public static class MatchScoring
{
    /// <summary>Indexes of the technology signals in <see cref="SignalNames.All"/> order.</summary>
    public const int Sector = 0, Semantic = 1, Keyword = 2;

    /// <summary>Context signals are the ones from this index on.</summary>
    public const int FirstContext = 3;

    /// <summary>The share of the normalized weights that sits on the technology signals.</summary>
    public static double TechnologyShare(double[] w) => w[Sector] + w[Semantic] + w[Keyword];

    /// <summary>
    /// The technology fit in [0, 1]: the weighted mean of sector, semantic and keyword values. With no technology weight at
    /// all, every provider fits equally (1) and the context alone orders them.
    /// </summary>
    public static double TechnologyFit(double[] w, double sector, double semantic, double keyword)
    {
        var share = TechnologyShare(w);
        return share <= 0 ? 1 : ((w[Sector] * sector) + (w[Semantic] * semantic) + (w[Keyword] * keyword)) / share;
    }

    /// <summary>The contribution of each signal (values and weights in <see cref="SignalNames.All"/> order).</summary>
    public static double[] Contributions(double[] w, IReadOnlyList<double> values)
    {
        var fit = TechnologyFit(w, values[Sector], values[Semantic], values[Keyword]);
        var contributions = new double[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            contributions[i] = i < FirstContext ? w[i] * values[i] : fit * w[i] * values[i];
        }

        return contributions;
    }

    /// <summary>The score of a pair from its signal values by name (missing signals count 0), as the engine computes it.</summary>
    public static double Score(double[] w, IReadOnlyDictionary<string, double> valuesByName) =>
        Contributions(w, SignalNames.All.Select(n => valuesByName.GetValueOrDefault(n)).ToList()).Sum();
}
