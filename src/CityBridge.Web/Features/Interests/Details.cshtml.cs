using CityBridge.Web.Data;
using CityBridge.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Interests;

public sealed class DetailsModel(CityBridgeDb db, InterestIntake intake, CurrentActor current) : PageModel
{
    public Interest Interest { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string action, string? note, Guid version, CancellationToken ct)
    {
        Problem = await intake.TriageAsync(id, action, current.UserName, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), version, ct);
        if (Problem is null)
        {
            TempData["Flash"] = "Done.";
            return RedirectToPage(new { id });
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var interest = await db.Interests.AsNoTracking().Include(i => i.History).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interest is null)
        {
            return false;
        }

        Interest = interest;
        return true;
    }
}
