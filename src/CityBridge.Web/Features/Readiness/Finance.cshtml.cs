using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityBridge.Web.Features.Readiness;

public sealed class FinanceModel(IServiceProvider services) : ReadinessPageModel(services)
{
    public override ReadinessPart Part => ReadinessPart.Finance;

    [BindProperty]
    public FinanceForm Form { get; set; } = new();

    /// <summary>The results shown: of the version on screen.</summary>
    public FinanceAnalysis Analysis { get; private set; } = FinanceAnalyzer.Analyze(FinancePlan.Empty);

    /// <summary>Funding sources as people name them.</summary>
    public static IReadOnlyList<SelectListItem> SourceChoices { get; } =
    [
        new("Municipal budget", nameof(FundingSource.MunicipalBudget)),
        new("National transfers", nameof(FundingSource.NationalTransfer)),
        new("Development-bank loan", nameof(FundingSource.DevelopmentBankLoan)),
        new("Public-private partnership", nameof(FundingSource.PublicPrivatePartnership)),
        new("Green bond", nameof(FundingSource.GreenBond)),
        new("Municipal bond", nameof(FundingSource.MunicipalBond)),
        new("Grant", nameof(FundingSource.Grant)),
        new("Feasibility-study grant", nameof(FundingSource.FeasibilityStudyGrant)),
        new("Export-credit support", nameof(FundingSource.ExportCreditSupport)),
    ];

    public static string SourceName(FundingSource source) =>
        SourceChoices.First(c => c.Value == source.ToString()).Text;

    public async Task<IActionResult> OnGetAsync(int projectId, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct) || await PayloadAsync(projectId, version, Report.Finance, ct) is not { } plan)
        {
            return NotFound();
        }

        Analysis = FinanceAnalyzer.Analyze(plan);
        Form = FinanceForm.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int projectId, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct))
        {
            return NotFound();
        }

        var rows = new RowMap();
        var plan = Form.ToPlan(rows);
        var result = await SaveAsync(projectId, plan, ReadinessValidation.Finance(plan, rows), ct);
        if (result is not null)
        {
            return result;
        }

        Analysis = FinanceAnalyzer.Analyze(Report.Finance);
        return Page();
    }

    /// <summary>One more blank rate, funding line, scenario or year of a scenario ("years-0"); works without JavaScript.</summary>
    public async Task<IActionResult> OnPostAddRowAsync(int projectId, string? list, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct))
        {
            return NotFound();
        }

        Analysis = FinanceAnalyzer.Analyze(Report.Finance);
        return AddRow(Form, list);
    }
}

/// <summary>The finance form: a few blank rows to start with, one more on request; blank rows ignored.</summary>
public sealed class FinanceForm : IGrowingForm
{
    /// <summary>The add-row name of scenario <paramref name="scenario"/>'s years.</summary>
    public static string YearsList(int scenario) => string.Create(CultureInfo.InvariantCulture, $"years-{scenario}");

    public List<RateRow> Rates { get; set; } = [];

    public List<FundingRow> Funding { get; set; } = [];

    public List<ScenarioForm> Scenarios { get; set; } = [];

    public static FinanceForm From(FinancePlan plan)
    {
        var form = new FinanceForm
        {
            Rates = plan.Rates.Select(r => new RateRow { Currency = r.Currency, UsdPerUnit = r.UsdPerUnit }).ToList(),
            Funding = plan.Funding.Select(f => new FundingRow { Source = f.Source, Year = f.Year, Amount = f.Amount, Currency = f.Currency, Note = f.Note }).ToList(),
            Scenarios = plan.Scenarios.Select(s => new ScenarioForm
            {
                Name = s.Name,
                DiscountRatePercent = s.DiscountRatePercent,
                Currency = s.Currency,
                Years = s.Years.Select(y => new YearRow { Year = y.Year, Capex = y.Capex, Opex = y.Opex, Revenue = y.Revenue }).ToList(),
            }).ToList(),
        };
        form.PadRows();
        return form;
    }

    /// <summary>Adds blank rows so there is always room to type.</summary>
    public void PadRows()
    {
        FormRows.Pad(Rates, Math.Max(3, Rates.Count + 1));
        FormRows.Pad(Funding, Math.Max(3, Funding.Count + 1));
        FormRows.Pad(Scenarios, Math.Max(2, Scenarios.Count + 1));
        foreach (var scenario in Scenarios)
        {
            FormRows.Pad(scenario.Years, Math.Max(5, scenario.Years.Count + 1));
        }
    }

    public void AddRow(string? list)
    {
        switch (list)
        {
            case "rates": Rates.Add(new()); break;
            case "funding": Funding.Add(new()); break;
            case "scenarios":
                var scenario = new ScenarioForm();
                FormRows.Pad(scenario.Years, 5);
                Scenarios.Add(scenario);
                break;
            default:
                var at = Enumerable.Range(0, Scenarios.Count).FirstOrDefault(s => YearsList(s) == list, -1);
                if (at >= 0)
                {
                    Scenarios[at].Years.Add(new());
                }

                break;
        }
    }

    public FinancePlan ToPlan(RowMap rows)
    {
        var rates = FormRows.Keep(Rates, r => !string.IsNullOrWhiteSpace(r.Currency) || r.UsdPerUnit is not null, "rates", rows)
            .Select(r => new CurrencyRate(r.Currency?.Trim().ToUpperInvariant() ?? string.Empty, r.UsdPerUnit ?? 0)).ToList();
        var funding = FormRows.Keep(Funding, f => f.Amount is not null || f.Year is not null, "funding", rows)
            .Select(f => new FundingLine(f.Source, f.Year ?? 0, f.Amount ?? 0, Currency(f.Currency), string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim())).ToList();
        var scenarios = new List<FinanceScenario>();
        for (var s = 0; s < Scenarios.Count; s++)
        {
            var form = Scenarios[s];
            var yearRows = new RowMap();
            var filled = FormRows.Keep(form.Years, y => y.Year is not null || y.Capex is not null || y.Opex is not null || y.Revenue is not null, "years", yearRows);
            if (string.IsNullOrWhiteSpace(form.Name) && filled.Count == 0)
            {
                continue;
            }

            rows.Add("scenarios", s);
            for (var j = 0; j < filled.Count; j++)
            {
                rows.Add($"scenarios[{scenarios.Count}].years", yearRows.Of("years", j));
            }

            scenarios.Add(new FinanceScenario(form.Name?.Trim() ?? string.Empty, form.DiscountRatePercent ?? 0, Currency(form.Currency),
                filled.Select(y => new YearFlow(y.Year ?? 0, y.Capex ?? 0, y.Opex ?? 0, y.Revenue ?? 0)).ToList()));
        }

        return new FinancePlan(rates, funding, scenarios);
    }

    private static string Currency(string? code) => string.IsNullOrWhiteSpace(code) ? "USD" : code.Trim().ToUpperInvariant();
}

public sealed class RateRow
{
    public string? Currency { get; set; }

    public decimal? UsdPerUnit { get; set; }
}

public sealed class FundingRow
{
    public FundingSource Source { get; set; }

    public int? Year { get; set; }

    public decimal? Amount { get; set; }

    public string? Currency { get; set; } = "USD";

    public string? Note { get; set; }
}

public sealed class ScenarioForm
{
    public string? Name { get; set; }

    public decimal? DiscountRatePercent { get; set; } = 8m;

    public string? Currency { get; set; } = "USD";

    public List<YearRow> Years { get; set; } = [];
}

public sealed class YearRow
{
    public int? Year { get; set; }

    public decimal? Capex { get; set; }

    public decimal? Opex { get; set; }

    public decimal? Revenue { get; set; }
}
