using CityBridge.Core.Readiness;

namespace CityBridge.Core.Tests.Readiness;

public sealed class FinancialMathTests
{
    private static readonly decimal[] TwoYearsOfSixty = [-100m, 60m, 60m];

    [Fact]
    public void Npv_at_10_percent_of_minus_100_then_60_twice_is_4_13()
    {
        // -100 + 60/1.1 + 60/1.21 = -100 + 54.5454… + 49.5867… = 4.1322…
        Assert.Equal(4.1322m, Math.Round(FinancialMath.NetPresentValue(0.10m, TwoYearsOfSixty), 4));
    }

    [Fact]
    public void Npv_at_zero_is_the_plain_sum()
    {
        Assert.Equal(20m, FinancialMath.NetPresentValue(0m, TwoYearsOfSixty));
    }

    [Fact]
    public void Irr_of_minus_100_then_60_twice_is_13_07_percent()
    {
        // 60x² + 60x - 100 = 0 with x = 1/(1+r) gives x = 0.88444, r = 13.0662%.
        var irr = FinancialMath.InternalRateOfReturn(TwoYearsOfSixty);

        Assert.NotNull(irr);
        Assert.Equal(0.130662m, Math.Round(irr.Value, 6));
    }

    [Fact]
    public void Npv_at_the_irr_is_zero()
    {
        decimal[] flows = [-2_500_000m, 300_000m, 450_000m, 600_000m, 700_000m, 800_000m, 800_000m];

        var irr = FinancialMath.InternalRateOfReturn(flows)!.Value;

        Assert.Equal(0m, Math.Round(FinancialMath.NetPresentValue(irr, flows), 2));
    }

    [Fact]
    public void Irr_is_negative_when_the_money_never_comes_back_in_full()
    {
        var irr = FinancialMath.InternalRateOfReturn([-100m, 40m, 40m]);

        Assert.NotNull(irr);
        Assert.True(irr < 0);
        Assert.Equal(0m, Math.Round(FinancialMath.NetPresentValue(irr.Value, [-100m, 40m, 40m]), 6));
    }

    [Theory]
    [InlineData(new[] { 100.0, 50.0 })]
    [InlineData(new[] { -100.0, -50.0 })]
    [InlineData(new[] { -100.0 })]
    [InlineData(new double[0])]
    public void Irr_is_none_when_the_flows_never_change_sign(double[] flows)
    {
        Assert.Null(FinancialMath.InternalRateOfReturn(flows.Select(f => (decimal)f).ToList()));
    }

    [Fact]
    public void Payback_of_minus_100_then_60_twice_is_one_and_two_thirds_years()
    {
        // After year 1, 40 is still open; year 2 brings 60, so 40/60 of it is needed.
        Assert.Equal(1.6667m, Math.Round(FinancialMath.Payback(TwoYearsOfSixty).Periods!.Value, 4));
    }

    [Fact]
    public void Payback_is_exact_when_a_year_ends_at_zero()
    {
        Assert.Equal(2m, FinancialMath.Payback([-100m, 50m, 50m, 50m]).Periods);
    }

    [Fact]
    public void Payback_is_never_when_the_running_total_stays_negative()
    {
        Assert.True(FinancialMath.Payback([-100m, 30m, 30m, 30m]).IsNever);
    }

    [Fact]
    public void Payback_is_zero_when_nothing_is_ever_owed()
    {
        Assert.Equal(0m, FinancialMath.Payback([0m, 10m, 10m]).Periods);
    }

    [Fact]
    public void Payback_counts_a_later_investment_that_is_recovered()
    {
        // Year 1 has a second investment: total reaches -30 there and turns positive in year 2 (30/40 of it).
        Assert.Equal(1.75m, FinancialMath.Payback([-50m, 20m, 40m]).Periods);
    }
}
