using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Readiness;

/// <summary>A one-page project brief for investors and providers, laid out for printing.</summary>
public sealed class BriefModel(IServiceProvider services) : PageModel
{
    public ReadinessReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int projectId, CancellationToken ct)
    {
        if (await new ReadinessFeature(services).Reports.BuildAsync(projectId, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
