using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.DataExchange;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
[RequestSizeLimit(DataExchangeApi.MaxUploadBytes)]
public sealed class IndexModel(CsvImporter importer) : PageModel
{
    [BindProperty]
    public CsvKind Kind { get; set; } = CsvKind.Providers;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
            return Page();
        }

        if (!Upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "The file must be a .csv file.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Report = await importer.ImportAsync(Kind, stream, DryRun, progress: null, ct);
        return Page();
    }
}
