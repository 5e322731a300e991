using CityBridge.Core.Readiness;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Readiness;

public sealed class IndexModel(IServiceProvider services) : PageModel
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

    public static string Title(CityBridge.Core.Domain.ReadinessPart part) => part switch
    {
        CityBridge.Core.Domain.ReadinessPart.Plan => "Plan",
        CityBridge.Core.Domain.ReadinessPart.Finance => "Finance",
        CityBridge.Core.Domain.ReadinessPart.Procurement => "Procure to standards",
        _ => "Secure",
    };

    public static string Explanation(PartReadiness part) => part.Part switch
    {
        CityBridge.Core.Domain.ReadinessPart.Plan => "Objectives, stakeholders, phases and ISO 37120/37122 KPIs with baseline and target.",
        CityBridge.Core.Domain.ReadinessPart.Finance => "Funding plan and gap; NPV, IRR and payback per scenario.",
        CityBridge.Core.Domain.ReadinessPart.Procurement => "Sector standards checklist and a tender published as Open Contracting Data.",
        _ => "NIST Cybersecurity Framework 2.0 self-assessment.",
    };
}
