using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using Microsoft.AspNetCore.Mvc;

namespace CityBridge.Web.Features.Readiness;

public sealed class CyberModel(IServiceProvider services) : ReadinessPageModel(services)
{
    public override ReadinessPart Part => ReadinessPart.Cyber;

    [BindProperty]
    public CyberForm Form { get; set; } = new();

    public CyberResult Result { get; private set; } = null!;

    public IReadOnlyList<CyberProvider> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int projectId, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct) || await PayloadAsync(projectId, version, Report.Cyber, ct) is not { } assessment)
        {
            return NotFound();
        }

        await ShowAsync(assessment, ct);
        var ratings = assessment.Ratings.ToDictionary(r => r.CategoryId, StringComparer.Ordinal);
        Form.Ratings = Feature.Catalog.CsfCategories.Select(c => ratings.TryGetValue(c.Id, out var r)
            ? new RatingRow { CategoryId = c.Id, Maturity = r.Maturity, Evidence = r.Evidence }
            : new RatingRow { CategoryId = c.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int projectId, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct))
        {
            return NotFound();
        }

        var rows = new RowMap();
        var ratings = new List<CyberRating>();
        for (var i = 0; i < Form.Ratings.Count; i++)
        {
            if (Form.Ratings[i] is { Maturity: { } maturity } row)
            {
                rows.Add("ratings", i);
                ratings.Add(new CyberRating(row.CategoryId ?? string.Empty, maturity, string.IsNullOrWhiteSpace(row.Evidence) ? null : row.Evidence.Trim()));
            }
        }

        var assessment = new CyberAssessment(ratings);
        var result = await SaveAsync(projectId, assessment, ReadinessValidation.Cyber(assessment, Feature.Catalog, rows), ct);
        if (result is not null)
        {
            return result;
        }

        await ShowAsync(Report.Cyber, ct);
        return Page();
    }

    public CsfCategory CategoryOf(string? id) => Feature.Catalog.CsfCategories.First(c => c.Id == id);

    private async Task ShowAsync(CyberAssessment assessment, CancellationToken ct)
    {
        Result = CyberScoring.Evaluate(Feature.Catalog.CsfCategories, assessment);
        Providers = await Feature.Reports.CyberProvidersAsync(Report.Project, Result, HttpContext.RequestServices.GetRequiredService<Matching.MatchingEngine>(), ct);
    }
}

/// <summary>One row per CSF category; rows left "not rated" are not saved.</summary>
public sealed class CyberForm
{
    public List<RatingRow> Ratings { get; set; } = [];
}

public sealed class RatingRow
{
    public string? CategoryId { get; set; }

    /// <summary>0–4, or null while not rated.</summary>
    public int? Maturity { get; set; }

    public string? Evidence { get; set; }
}
