using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using Microsoft.AspNetCore.Mvc;

namespace CityBridge.Web.Features.Readiness;

public sealed class PlanModel(IServiceProvider services) : ReadinessPageModel(services)
{
    public override ReadinessPart Part => ReadinessPart.Plan;

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public IReadOnlyList<IsoIndicator> Indicators => Feature.Catalog.IsoIndicators;

    public static string KeyOf(string standard, string indicator) => $"{standard}|{indicator}";

    public async Task<IActionResult> OnGetAsync(int projectId, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct) || await PayloadAsync(projectId, version, Report.Plan, ct) is not { } plan)
        {
            return NotFound();
        }

        Form = PlanForm.From(plan, Feature.Catalog);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int projectId, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct))
        {
            return NotFound();
        }

        var rows = new RowMap();
        var plan = Form.ToPlan(rows, Feature.Catalog);
        var result = await SaveAsync(projectId, plan, ReadinessValidation.Plan(plan, Feature.Catalog, rows), ct);
        if (result is not null)
        {
            return result;
        }

        return Page();
    }

    /// <summary>One more blank row in a list; works without JavaScript, and keeps what was typed (nothing is saved).</summary>
    public async Task<IActionResult> OnPostAddRowAsync(int projectId, string? list, CancellationToken ct)
    {
        return await LoadAsync(projectId, ct) ? AddRow(Form, list) : NotFound();
    }
}

/// <summary>The plan form: a few blank rows to start with, one more on request; blank rows ignored.</summary>
public sealed class PlanForm : IGrowingForm
{
    public List<string?> Objectives { get; set; } = [];

    public List<StakeholderRow> Stakeholders { get; set; } = [];

    public List<PhaseRow> Phases { get; set; } = [];

    public List<KpiRow> Kpis { get; set; } = [];

    /// <summary>The form for a saved plan; a KPI saved under an indicator's former name selects it under its name now.</summary>
    public static PlanForm From(ProjectPlan plan, ReadinessCatalog catalog)
    {
        var form = new PlanForm
        {
            Objectives = [.. plan.Objectives],
            Stakeholders = plan.Stakeholders.Select(s => new StakeholderRow { Name = s.Name, Role = s.Role }).ToList(),
            Phases = plan.Phases.Select(p => new PhaseRow { Name = p.Name, Start = p.Start, End = p.End }).ToList(),
            Kpis = plan.Kpis.Select(k => new KpiRow
            {
                Indicator = PlanModel.KeyOf(k.Standard, catalog.FindIndicator(k.Standard, k.Indicator)?.Indicator ?? k.Indicator),
                Baseline = k.Baseline,
                Target = k.Target,
                TargetYear = k.TargetYear,
                Unit = k.Unit,
            }).ToList(),
        };
        form.PadRows();
        return form;
    }

    public void PadRows()
    {
        while (Objectives.Count < Math.Max(3, Objectives.Count(o => !string.IsNullOrWhiteSpace(o)) + 1))
        {
            Objectives.Add(null);
        }

        FormRows.Pad(Stakeholders, Math.Max(4, Stakeholders.Count + 1));
        FormRows.Pad(Phases, Math.Max(4, Phases.Count + 1));
        FormRows.Pad(Kpis, Math.Max(5, Kpis.Count + 1));
    }

    public void AddRow(string? list)
    {
        switch (list)
        {
            case "objectives": Objectives.Add(null); break;
            case "stakeholders": Stakeholders.Add(new()); break;
            case "phases": Phases.Add(new()); break;
            case "kpis": Kpis.Add(new()); break;
        }
    }

    public ProjectPlan ToPlan(RowMap rows, ReadinessCatalog catalog)
    {
        var objectives = FormRows.Keep(Objectives, o => !string.IsNullOrWhiteSpace(o), "objectives", rows).Select(o => o!.Trim()).ToList();
        var stakeholders = FormRows.Keep(Stakeholders, s => !string.IsNullOrWhiteSpace(s.Name) || !string.IsNullOrWhiteSpace(s.Role), "stakeholders", rows)
            .Select(s => new Stakeholder(s.Name?.Trim() ?? string.Empty, s.Role?.Trim() ?? string.Empty)).ToList();
        var phases = FormRows.Keep(Phases, p => !string.IsNullOrWhiteSpace(p.Name) || p.Start is not null || p.End is not null, "phases", rows)
            .Select(p => new ProjectPhase(p.Name?.Trim() ?? string.Empty, p.Start, p.End)).ToList();
        var kpis = FormRows.Keep(Kpis, k => !string.IsNullOrWhiteSpace(k.Indicator), "kpis", rows).Select(k =>
        {
            var parts = k.Indicator!.Split('|', 2);
            var found = parts.Length == 2 ? catalog.FindIndicator(parts[0], parts[1]) : null;
            return new PlanKpi(found?.Standard ?? parts[0], found?.Theme ?? string.Empty, found?.Indicator ?? k.Indicator, k.Baseline, k.Target, k.TargetYear, string.IsNullOrWhiteSpace(k.Unit) ? null : k.Unit.Trim());
        }).ToList();
        return new ProjectPlan(objectives, stakeholders, phases, kpis);
    }
}

public sealed class StakeholderRow
{
    public string? Name { get; set; }

    public string? Role { get; set; }
}

public sealed class PhaseRow
{
    public string? Name { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }
}

public sealed class KpiRow
{
    /// <summary>"standard|indicator name", the value of the indicator picker.</summary>
    public string? Indicator { get; set; }

    public decimal? Baseline { get; set; }

    public decimal? Target { get; set; }

    public int? TargetYear { get; set; }

    public string? Unit { get; set; }
}
