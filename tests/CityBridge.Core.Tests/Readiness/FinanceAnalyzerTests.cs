using CityBridge.Core.Readiness;

namespace CityBridge.Core.Tests.Readiness;

public sealed class FinanceAnalyzerTests
{
    private static FinancePlan Plan(params FundingLine[] funding) => new(
        [new CurrencyRate("VND", 0.00004m)],
        funding,
        [
            new FinanceScenario("Base", 10m, "USD", [new YearFlow(2027, 100m, 0m, 0m), new YearFlow(2028, 0m, 10m, 70m), new YearFlow(2029, 0m, 10m, 70m)]),
            new FinanceScenario("Low demand", 10m, "USD", [new YearFlow(2027, 100m, 0m, 0m), new YearFlow(2028, 0m, 10m, 40m), new YearFlow(2029, 0m, 10m, 40m)]),
        ]);

    [Fact]
    public void Funding_gap_is_capex_less_pledged_funding_per_year_and_in_total()
    {
        var analysis = FinanceAnalyzer.Analyze(Plan(
            new FundingLine(FundingSource.MunicipalBudget, 2027, 30m, "USD"),
            new FundingLine(FundingSource.DevelopmentBankLoan, 2027, 1_000_000m, "VND"),
            new FundingLine(FundingSource.Grant, 2028, 5m, "USD")));

        var first = analysis.FundingYears.Single(y => y.Year == 2027);
        Assert.Equal(30m + 40m, first.FundedUsd);
        Assert.Equal(30m, first.GapUsd);
        Assert.Equal(-5m, analysis.FundingYears.Single(y => y.Year == 2028).GapUsd);
        Assert.Equal(25m, analysis.TotalGapUsd);
    }

    [Fact]
    public void Each_scenario_gets_its_own_npv_irr_and_payback_side_by_side()
    {
        var analysis = FinanceAnalyzer.Analyze(Plan());

        var (baseCase, low) = (analysis.Scenarios[0], analysis.Scenarios[1]);
        Assert.Equal([-100m, 60m, 60m], baseCase.NetFlowsUsd);
        Assert.Equal(4.1322m, Math.Round(baseCase.NpvUsd, 4));
        Assert.Equal(0.1307m, Math.Round(baseCase.Irr!.Value, 4));
        Assert.True(low.NpvUsd < 0);
        Assert.True(low.Payback.IsNever);
    }

    [Fact]
    public void Currencies_without_a_rate_are_reported()
    {
        var plan = Plan(new FundingLine(FundingSource.GreenBond, 2027, 10m, "thb"));

        Assert.Equal(["THB"], plan.CurrenciesWithoutRate());
    }
}
