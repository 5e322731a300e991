using System.Globalization;
using CityBridge.Core.Readiness;

namespace CityBridge.Web.Features.Readiness;

/// <summary>How the finance page and the brief put a scenario's IRR and payback into words.</summary>
public static class FinanceWording
{
    public static string Irr(ScenarioResult scenario) => scenario.IrrRoots.Count switch
    {
        1 => Percent(scenario.IrrRoots[0]),
        0 when scenario.NetFlowsUsd.Any(f => f > 0) && scenario.NetFlowsUsd.Any(f => f < 0) => "None (NPV is not zero at any rate from −99% to 1000%)",
        0 => "None (cash flows never change sign)",
        _ => $"Not unique: NPV is zero at {string.Join(" and ", scenario.IrrRoots.Select(Percent))}; judge by NPV",
    };

    public static string Payback(ScenarioResult scenario)
    {
        if (scenario.Payback.Periods is not { } years)
        {
            return "Never";
        }

        var first = string.Create(CultureInfo.InvariantCulture, $"{years:0.00} years");
        return scenario.NegativeAgainYear is { } again
            ? string.Create(CultureInfo.InvariantCulture, $"{first}, but the running total is negative again in {again}")
            : first;
    }

    private static string Percent(decimal rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100:0.00}%");
}
