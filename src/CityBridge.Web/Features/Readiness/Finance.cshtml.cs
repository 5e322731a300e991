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
        Form.PadRows();
        return Page();
    }
}

/// <summary>The finance form: fixed rows, blank rows ignored.</summary>
public sealed class FinanceForm
{
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
        Pad(Rates, 3);
        Pad(Funding, 5);
        Pad(Scenarios, 2);
        foreach (var scenario in Scenarios)
        {
            Pad(scenario.Years, Math.Max(6, scenario.Years.Count + 2));
        }
    }

    public FinancePlan ToPlan(RowMap rows)
    {
        var rates = new List<CurrencyRate>();
        for (var i = 0; i < Rates.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(Rates[i].Currency) || Rates[i].UsdPerUnit is not null)
            {
                rows.Add("rates", i);
                rates.Add(new CurrencyRate(Rates[i].Currency?.Trim().ToUpperInvariant() ?? string.Empty, Rates[i].UsdPerUnit ?? 0));
            }
        }

        var funding = new List<FundingLine>();
        for (var i = 0; i < Funding.Count; i++)
        {
            var row = Funding[i];
            if (row.Amount is not null || row.Year is not null)
            {
                rows.Add("funding", i);
                funding.Add(new FundingLine(row.Source, row.Year ?? 0, row.Amount ?? 0, Currency(row.Currency), string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim()));
            }
        }

        var scenarios = new List<FinanceScenario>();
        for (var s = 0; s < Scenarios.Count; s++)
        {
            var form = Scenarios[s];
            var filled = form.Years.Select((y, i) => (y, i)).Where(x => x.y.Year is not null || x.y.Capex is not null || x.y.Opex is not null || x.y.Revenue is not null).ToList();
            if (string.IsNullOrWhiteSpace(form.Name) && filled.Count == 0)
            {
                continue;
            }

            rows.Add("scenarios", s);
            foreach (var (_, i) in filled)
            {
                rows.Add($"scenarios[{scenarios.Count}].years", i);
            }

            scenarios.Add(new FinanceScenario(form.Name?.Trim() ?? string.Empty, form.DiscountRatePercent ?? 0, Currency(form.Currency),
                filled.Select(x => new YearFlow(x.y.Year ?? 0, x.y.Capex ?? 0, x.y.Opex ?? 0, x.y.Revenue ?? 0)).ToList()));
        }

        return new FinancePlan(rates, funding, scenarios);
    }

    private static string Currency(string? code) => string.IsNullOrWhiteSpace(code) ? "USD" : code.Trim().ToUpperInvariant();

    private static void Pad<T>(List<T> rows, int count)
        where T : new()
    {
        while (rows.Count < count)
        {
            rows.Add(new T());
        }
    }
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
