using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>Staff create or change a program with its agenda; a few empty session rows are always offered.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class EditModel(CityBridgeDb db, ProgramWorkflow flow, TimeProvider clock) : PageModel
{
    private const int BlankRows = 3;

    [BindProperty]
    public ProgramInput Input { get; set; } = new();

    public int? Id { get; private set; }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var p = await db.Programs.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound();
            }

            Input = ProgramInput.From(p);
        }
        else
        {
            var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(30));
            Input.StartDate = day;
            Input.EndDate = day;
        }

        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Input.Sessions = Input.Sessions.Where(s => !s.IsBlank).ToList();
        ModelState.Clear();
        Input.Validate().CopyTo(ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            AddBlankRows();
            return Page();
        }

        TradeProgram? p;
        if (id is null)
        {
            p = new TradeProgram { Name = Input.Name, TimeZone = Input.TimeZone };
            Input.ApplyTo(p);
            db.Programs.Add(p);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            p = await db.Programs.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound();
            }

            if (await ProgramsApi.SaveAsync(db, flow, p, Input, ct) is { } refusal)
            {
                ModelState.AddModelError(string.Empty, refusal.Message);
                AddBlankRows();
                return Page();
            }
        }

        TempData["Flash"] = "Program saved.";
        return RedirectToPage("Details", new { id = p.Id });
    }

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankRows; i++)
        {
            Input.Sessions.Add(new ProgramSessionInput());
        }
    }
}
