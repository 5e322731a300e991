namespace CityBridge.Core.Readiness;

/// <summary>Where a project's money can come from.</summary>
public enum FundingSource
{
    MunicipalBudget,
    NationalTransfer,
    DevelopmentBankLoan,
    PublicPrivatePartnership,
    GreenBond,
    MunicipalBond,
    Grant,
    FeasibilityStudyGrant,
    ExportCreditSupport,
}

/// <summary>How many US dollars one unit of a currency is worth, as entered by the user.</summary>
public sealed record CurrencyRate(string Currency, decimal UsdPerUnit);

/// <summary>Money from one source in one year, in the currency it was pledged in.</summary>
public sealed record FundingLine(FundingSource Source, int Year, decimal Amount, string Currency, string? Note = null);

/// <summary>One year of a scenario's cash flows, in the scenario's currency.</summary>
public sealed record YearFlow(int Year, decimal Capex, decimal Opex, decimal Revenue)
{
    public decimal Net => Revenue - Capex - Opex;
}

/// <summary>One set of assumptions (e.g. base, low demand): yearly flows and a discount rate in percent.</summary>
public sealed record FinanceScenario(string Name, decimal DiscountRatePercent, string Currency, IReadOnlyList<YearFlow> Years);

/// <summary>The finance assessment as saved: rates, the funding plan and one or more scenarios, the first being the base.</summary>
public sealed record FinancePlan(IReadOnlyList<CurrencyRate> Rates, IReadOnlyList<FundingLine> Funding, IReadOnlyList<FinanceScenario> Scenarios)
{
    public static FinancePlan Empty { get; } = new([], [], []);

    /// <summary>Converts an amount to USD at the stored rate; USD needs no rate.</summary>
    public decimal ToUsd(decimal amount, string currency)
    {
        if (string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase))
        {
            return amount;
        }

        var rate = Rates.FirstOrDefault(r => string.Equals(r.Currency, currency, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No USD rate stored for {currency}; input validation must require one.");
        return amount * rate.UsdPerUnit;
    }

    /// <summary>Currencies used by funding lines or scenarios that have no rate yet.</summary>
    public IReadOnlyList<string> CurrenciesWithoutRate() =>
        Funding.Select(f => f.Currency).Concat(Scenarios.Select(s => s.Currency))
            .Select(c => c.ToUpperInvariant()).Distinct()
            .Where(c => c != "USD" && !Rates.Any(r => string.Equals(r.Currency, c, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal).ToList();
}

/// <summary>The funding need, pledged funding and gap of one year, in USD; a negative gap is a surplus.</summary>
public sealed record FundingYear(int Year, decimal NeedUsd, decimal FundedUsd)
{
    public decimal GapUsd => NeedUsd - FundedUsd;
}

/// <summary>
/// A scenario's results in USD: net flows for every calendar year from the first to the last (zero where none was
/// entered), NPV, every IRR root, and payback. <see cref="Irr"/> is the IRR only when exactly one exists.
/// </summary>
public sealed record ScenarioResult(
    string Name, decimal DiscountRatePercent, IReadOnlyList<int> Years, IReadOnlyList<decimal> NetFlowsUsd, decimal NpvUsd,
    IReadOnlyList<decimal> IrrRoots, PaybackPeriod Payback)
{
    public decimal? Irr => IrrRoots.Count == 1 ? IrrRoots[0] : null;

    public bool IrrIsNotUnique => IrrRoots.Count > 1;

    /// <summary>The calendar year in which the running total falls below zero again after the first payback.</summary>
    public int? NegativeAgainYear => Payback.NegativeAgainInPeriod is { } period ? Years[period] : null;
}

/// <summary>Everything the finance page shows, computed from a <see cref="FinancePlan"/>.</summary>
public sealed record FinanceAnalysis(IReadOnlyList<FundingYear> FundingYears, IReadOnlyList<ScenarioResult> Scenarios)
{
    public decimal TotalNeedUsd => FundingYears.Sum(y => y.NeedUsd);

    public decimal TotalFundedUsd => FundingYears.Sum(y => y.FundedUsd);

    public decimal TotalGapUsd => TotalNeedUsd - TotalFundedUsd;
}

/// <summary>Computes the funding gap and each scenario's NPV, IRR and payback.</summary>
public static class FinanceAnalyzer
{
    /// <summary>The need per year is the base scenario's capex: opex is expected to be met from revenues.</summary>
    public static FinanceAnalysis Analyze(FinancePlan plan)
    {
        var baseScenario = plan.Scenarios.Count > 0 ? plan.Scenarios[0] : null;
        var need = baseScenario?.Years.GroupBy(y => y.Year).ToDictionary(g => g.Key, g => g.Sum(y => plan.ToUsd(y.Capex, baseScenario.Currency))) ?? [];
        var funded = plan.Funding.GroupBy(f => f.Year).ToDictionary(g => g.Key, g => g.Sum(f => plan.ToUsd(f.Amount, f.Currency)));
        var years = need.Keys.Union(funded.Keys).Order()
            .Select(y => new FundingYear(y, need.GetValueOrDefault(y), funded.GetValueOrDefault(y)))
            .ToList();
        return new FinanceAnalysis(years, plan.Scenarios.Select(s => Evaluate(plan, s)).ToList());
    }

    /// <summary>
    /// Discounts each flow by its calendar year's distance from the first year (that year undiscounted); a year inside
    /// the range with no entry is a zero flow, so 2027, 2028 and 2030 are periods 0, 1 and 3.
    /// </summary>
    public static ScenarioResult Evaluate(FinancePlan plan, FinanceScenario scenario)
    {
        var byYear = scenario.Years.GroupBy(y => y.Year).ToDictionary(g => g.Key, g => g.Sum(y => plan.ToUsd(y.Net, scenario.Currency)));
        var years = byYear.Count == 0 ? [] : Enumerable.Range(byYear.Keys.Min(), byYear.Keys.Max() - byYear.Keys.Min() + 1).ToList();
        var flows = years.Select(y => byYear.GetValueOrDefault(y)).ToList();
        var npv = flows.Count == 0 ? 0m : FinancialMath.NetPresentValue(scenario.DiscountRatePercent / 100m, flows);
        return new ScenarioResult(scenario.Name, scenario.DiscountRatePercent, years, flows, npv,
            FinancialMath.InternalRatesOfReturn(flows), FinancialMath.Payback(flows));
    }
}
