using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Readiness;

/// <summary>What the readiness tool pages share: the project's report, the part's version history and saving.</summary>
public abstract class ReadinessPageModel(IServiceProvider services) : PageModel
{
    protected ReadinessFeature Feature { get; } = new(services);

    public ReadinessReport Report { get; private set; } = null!;

    public IReadOnlyList<ProjectAssessment> Versions { get; private set; } = [];

    /// <summary>The version on screen when it is not the current one.</summary>
    public int? ViewingVersion { get; private set; }

    public abstract ReadinessPart Part { get; }

    public PartReadiness PartReadiness => Report.PartOf(Part);

    protected async Task<bool> LoadAsync(int projectId, CancellationToken ct)
    {
        if (await Feature.Reports.BuildAsync(projectId, ct) is not { } report)
        {
            return false;
        }

        Report = report;
        Versions = await Feature.History.VersionsAsync(projectId, Part, ct);
        return true;
    }

    /// <summary>The requested older version's payload, or <paramref name="current"/>; null when the version does not exist.</summary>
    protected async Task<T?> PayloadAsync<T>(int projectId, int? version, T current, CancellationToken ct)
        where T : class
    {
        if (version is null || (Versions.Count > 0 && version == Versions[0].Number))
        {
            return current;
        }

        if (await Feature.History.FindAsync(projectId, Part, version, ct) is not { } older)
        {
            return null;
        }

        ViewingVersion = older.Number;
        return AssessmentHistory.Read<T>(older);
    }

    /// <summary>Validates and saves, or puts the field messages on the form; null means saved and redirected.</summary>
    protected async Task<IActionResult?> SaveAsync<T>(int projectId, T payload, ValidationErrors errors, CancellationToken ct)
    {
        if (!Report.MayEdit)
        {
            return Forbid();
        }

        if (!errors.IsEmpty || !ModelState.IsValid)
        {
            errors.CopyTo(ModelState, "Form");
            ModelState.AddModelError(string.Empty, "Nothing was saved: please correct the fields marked below.");
            return null;
        }

        var saved = await Feature.History.SaveAsync(projectId, Part, payload, await Feature.ActorNameAsync(ct), ct);
        TempData["Flash"] = string.Create(CultureInfo.InvariantCulture, $"{Part} saved as version {saved.Number}.");
        return RedirectToPage(new { projectId });
    }

    /// <summary>One more blank row in a list of <paramref name="form"/>: keeps what was typed and saves nothing.</summary>
    protected IActionResult AddRow(IGrowingForm form, string? list)
    {
        if (!Report.MayEdit)
        {
            return Forbid();
        }

        ModelState.Clear();
        form.AddRow(list);
        return Page();
    }

    public static string Usd(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"USD {amount:N0}");

    public static string Percent(decimal percent) => string.Create(CultureInfo.InvariantCulture, $"{percent:0.#}%");
}
