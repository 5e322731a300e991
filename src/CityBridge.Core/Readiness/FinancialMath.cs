namespace CityBridge.Core.Readiness;

/// <summary>
/// Payback: the (fractional) number of periods until cumulative net cash flow first turns non-negative, or never;
/// and the first period after that in which the running total is negative again, if any.
/// </summary>
public sealed record PaybackPeriod(decimal? Periods, int? NegativeAgainInPeriod = null)
{
    public static PaybackPeriod Never { get; } = new((decimal?)null);

    public bool IsNever => Periods is null;
}

/// <summary>Discounted cash-flow measures on yearly net flows, period 0 undiscounted.</summary>
public static class FinancialMath
{
    // IRR is searched from -99% to +1000% a year: beyond that no city project lives.
    private const double LowestRate = -0.99;
    private const double HighestRate = 10.0;
    private const int ScanSteps = 2_200;

    /// <summary>Net present value: the sum of flow[t] / (1 + rate)^t.</summary>
    public static decimal NetPresentValue(decimal rate, IReadOnlyList<decimal> flows)
    {
        if (rate <= -1m)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A discount rate must be above -100%.");
        }

        var npv = 0m;
        var factor = 1m;
        foreach (var flow in flows)
        {
            npv += flow / factor;
            factor *= 1m + rate;
        }

        return npv;
    }

    /// <summary>
    /// Every rate in (-99%, 1000%] at which NPV crosses zero, lowest first: flows that change sign more than once can
    /// have several (e.g. -100, 230, -132 at 10% and 20%), and then no single one is "the" IRR.
    /// </summary>
    public static IReadOnlyList<decimal> InternalRatesOfReturn(IReadOnlyList<decimal> flows)
    {
        if (flows.Count < 2 || flows.All(f => f >= 0) || flows.All(f => f <= 0))
        {
            return [];
        }

        var values = flows.Select(f => (double)f).ToArray();
        var step = (HighestRate - LowestRate) / ScanSteps;
        var roots = new List<decimal>();
        var low = LowestRate;
        var npvLow = Npv(low, values);
        for (var i = 1; i <= ScanSteps; i++)
        {
            var high = LowestRate + (i * step);
            var npvHigh = Npv(high, values);
            if (npvLow == 0)
            {
                roots.Add(Round(low));
            }
            else if (npvHigh != 0 && Math.Sign(npvLow) != Math.Sign(npvHigh))
            {
                roots.Add(Round(Bisect(values, low, high, npvLow)));
            }

            low = high;
            npvLow = npvHigh;
        }

        if (npvLow == 0)
        {
            roots.Add(Round(low));
        }

        return roots.Distinct().ToList();
    }

    /// <summary>
    /// Internal rate of return: the lowest rate in (-99%, 1000%] at which NPV crosses zero, or null when NPV never
    /// changes sign there (e.g. all flows of one sign). Bracketing by a scan, then bisection, so it cannot diverge.
    /// </summary>
    public static decimal? InternalRateOfReturn(IReadOnlyList<decimal> flows)
    {
        if (flows.Count < 2 || flows.All(f => f >= 0) || flows.All(f => f <= 0))
        {
            return null;
        }

        var values = flows.Select(f => (double)f).ToArray();
        var step = (HighestRate - LowestRate) / ScanSteps;
        var low = LowestRate;
        var npvLow = Npv(low, values);
        for (var i = 1; i <= ScanSteps; i++)
        {
            var high = LowestRate + (i * step);
            var npvHigh = Npv(high, values);
            if (npvLow == 0)
            {
                return Round(low);
            }

            if (Math.Sign(npvLow) != Math.Sign(npvHigh))
            {
                return Round(Bisect(values, low, high, npvLow));
            }

            low = high;
            npvLow = npvHigh;
        }

        return npvLow == 0 ? Round(low) : null;
    }

    /// <summary>
    /// Periods until the running total of flows first reaches zero, interpolated within the period, and the first
    /// later period in which the total is below zero again (a later outlay not yet recovered).
    /// </summary>
    public static PaybackPeriod Payback(IReadOnlyList<decimal> flows)
    {
        var cumulative = 0m;
        var wentNegative = false;
        decimal? payback = null;
        var paidBackAt = 0;
        for (var t = 0; t < flows.Count && payback is null; t++)
        {
            var before = cumulative;
            cumulative += flows[t];
            if (cumulative < 0)
            {
                wentNegative = true;
            }
            else if (wentNegative)
            {
                // Assume the year's flow arrives evenly: the fraction of the year needed to cover what was still open.
                payback = t - 1 + (-before / flows[t]);
                paidBackAt = t;
            }
        }

        if (!wentNegative)
        {
            payback = 0m;
            paidBackAt = -1;
        }

        if (payback is null)
        {
            return PaybackPeriod.Never;
        }

        var total = 0m;
        for (var t = 0; t < flows.Count; t++)
        {
            total += flows[t];
            if (t > paidBackAt && total < 0)
            {
                return new PaybackPeriod(payback, t);
            }
        }

        return new PaybackPeriod(payback);
    }

    private static double Bisect(double[] values, double low, double high, double npvLow)
    {
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            var npvMid = Npv(mid, values);
            if (npvMid == 0)
            {
                return mid;
            }

            if (Math.Sign(npvMid) == Math.Sign(npvLow))
            {
                low = mid;
                npvLow = npvMid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    private static double Npv(double rate, double[] values)
    {
        var npv = 0.0;
        var factor = 1.0;
        foreach (var value in values)
        {
            npv += value / factor;
            factor *= 1 + rate;
        }

        return npv;
    }

    private static decimal Round(double rate) => Math.Round((decimal)rate, 10);
}
