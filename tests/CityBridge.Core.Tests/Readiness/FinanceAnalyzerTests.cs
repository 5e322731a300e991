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

    private static ScenarioResult Evaluate(params YearFlow[] years) =>
        FinanceAnalyzer.Evaluate(FinancePlan.Empty, new FinanceScenario("Base", 10m, "USD", years));

    [Fact]
    public void A_missing_year_is_a_zero_flow_and_each_flow_is_discounted_by_its_own_year()
    {
        // By hand at 10%: -100 000 + 60 000 / 1.1 + 0 / 1.21 + 60 000 / 1.331 = -100 000 + 54 545.45 + 45 078.89 = -375.66.
        var result = Evaluate(new YearFlow(2027, 100_000m, 0m, 0m), new YearFlow(2028, 0m, 0m, 60_000m), new YearFlow(2030, 0m, 0m, 60_000m));

        Assert.Equal([2027, 2028, 2029, 2030], result.Years);
        Assert.Equal([-100_000m, 60_000m, 0m, 60_000m], result.NetFlowsUsd);
        Assert.Equal(-375.66m, Math.Round(result.NpvUsd, 2));
    }

    [Fact]
    public void The_irr_of_irregular_years_is_9_78_percent_where_npv_changes_sign()
    {
        // By hand: NPV at 9.775% is +13.90 and at 9.785% is -3.47, so the root rounds to 9.78%.
        var result = Evaluate(new YearFlow(2027, 100_000m, 0m, 0m), new YearFlow(2028, 0m, 0m, 60_000m), new YearFlow(2030, 0m, 0m, 60_000m));

        Assert.Equal(0.0978m, Math.Round(result.Irr!.Value, 4));
        Assert.False(result.IrrIsNotUnique);
    }

    [Fact]
    public void Payback_of_irregular_years_is_two_and_two_thirds_years()
    {
        // Running total: -100 000 (2027), -40 000 (2028), -40 000 (2029), +20 000 (2030): 2 + 40 000 / 60 000 years.
        var result = Evaluate(new YearFlow(2027, 100_000m, 0m, 0m), new YearFlow(2028, 0m, 0m, 60_000m), new YearFlow(2030, 0m, 0m, 60_000m));

        Assert.Equal(2.67m, Math.Round(result.Payback.Periods!.Value, 2));
        Assert.Null(result.NegativeAgainYear);
    }

    [Fact]
    public void Years_entered_out_of_order_give_the_same_result_as_in_order()
    {
        var shuffled = Evaluate(new YearFlow(2030, 0m, 0m, 60_000m), new YearFlow(2027, 100_000m, 0m, 0m), new YearFlow(2028, 0m, 0m, 60_000m));

        Assert.Equal(-375.66m, Math.Round(shuffled.NpvUsd, 2));
    }

    [Fact]
    public void Flows_with_two_irr_roots_report_both_and_no_single_irr()
    {
        // -100 + 230 / (1 + r) - 132 / (1 + r)^2 = 0 has (1 + r) = 1.1 and 1.2 as roots: 10% and 20%.
        var result = Evaluate(new YearFlow(2027, 100m, 0m, 0m), new YearFlow(2028, 0m, 0m, 230m), new YearFlow(2029, 132m, 0m, 0m));

        Assert.Equal([0.10m, 0.20m], result.IrrRoots.Select(r => Math.Round(r, 6)));
        Assert.True(result.IrrIsNotUnique);
        Assert.Null(result.Irr);
    }

    [Fact]
    public void Payback_reports_the_first_payback_and_the_year_the_total_turns_negative_again()
    {
        // Running total: -100 (2027), +50 (2028: paid back 100/150 into it), -30 (2029: negative again).
        var result = Evaluate(new YearFlow(2027, 100m, 0m, 0m), new YearFlow(2028, 0m, 0m, 150m), new YearFlow(2029, 80m, 0m, 0m));

        Assert.Equal(0.67m, Math.Round(result.Payback.Periods!.Value, 2));
        Assert.Equal(2029, result.NegativeAgainYear);
    }
}
