using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Programs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Interests;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class DetailsModel(CityBridgeDb db, InterestIntake intake, CurrentActor current, ProgramWorkflow programs, TimeProvider clock) : PageModel
{
    public Interest Interest { get; private set; } = null!;

    public string? Problem { get; private set; }

    /// <summary>Published programs that have not ended, to invite the person to.</summary>
    public IReadOnlyList<(int Id, string Name, DateOnly Starts)> OpenPrograms { get; private set; } = [];

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

    public async Task<IActionResult> OnPostInviteAsync(int id, int? programId, string? note, Guid version, CancellationToken ct)
    {
        Problem = await intake.InviteToProgramAsync(id, programId, await current.GetAsync(ct), current.UserName, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), version, programs, ct);
        if (Problem is null)
        {
            TempData["Flash"] = "Invitation sent.";
            return RedirectToPage(new { id });
        }

        db.ChangeTracker.Clear();
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
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        OpenPrograms = (await db.Programs.AsNoTracking().Where(p => p.IsPublished && p.EndDate >= today).OrderBy(p => p.StartDate)
            .Select(p => new { p.Id, p.Name, p.StartDate }).ToListAsync(ct)).Select(p => (p.Id, p.Name, p.StartDate)).ToList();
        return true;
    }
}
