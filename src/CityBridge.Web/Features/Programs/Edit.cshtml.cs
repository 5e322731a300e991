using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
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

    public string? ErrorFor(string field) => ModelState.MessageFor($"{nameof(Input)}.{field}");

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
        var actor = await this.ActorAsync(ct);
        var (saved, refusal) = id is { } existing ? await flow.UpdateAsync(existing, Input, actor, ct) : await flow.CreateAsync(Input, actor, ct);
        if (refusal is null)
        {
            TempData["Flash"] = "Program saved.";
            return RedirectToPage("Details", new { id = saved!.Id });
        }

        if (this.Refuse(refusal, nameof(Input), missingRecordIsNotFound: true) is { } refused)
        {
            return refused;
        }

        AddBlankRows();
        return Page();
    }

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankRows; i++)
        {
            Input.Sessions.Add(new ProgramSessionInput());
        }
    }
}
