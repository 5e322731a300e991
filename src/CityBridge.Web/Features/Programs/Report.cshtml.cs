using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Programs;

public sealed class ReportModel(ProgramReport report) : PageModel
{
    public ProgramReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await report.BuildAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        Report = view;
        return Page();
    }
}
