using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Interests;

[EnableRateLimiting(AccountsRegistration.PublicFormRateLimit)]
/// <summary>The public interest form at /Interest (anonymous); the staff's review pages sit beside it under /Interests.</summary>
public sealed class RegisterModel(InterestIntake intake, CityBridgeDb db) : PageModel
{
    [BindProperty]
    public InterestInput Input { get; set; } = new();

    public IReadOnlyList<CountryDto> Countries { get; private set; } = [];

    public bool Received { get; private set; }

    public Shared.SectorPickerModel SectorPicker => new("Input.Sectors", Input.Sectors, "Sectors of interest");

    public async Task OnGetAsync(CancellationToken ct) => Countries = await ReferenceApi.CountryRows(db).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The intake's rules are the whole truth (its cross-field consent rule included): run them on every attempt, so the
        // first refusal lists every problem instead of only the ones model binding found.
        var (outcome, errors) = await intake.SubmitAsync(Input, ct);
        if (outcome != IntakeOutcome.Invalid)
        {
            Received = true;
            return Page();
        }

        ModelState.Clear();
        errors.CopyTo(ModelState, nameof(Input));

        Countries = await ReferenceApi.CountryRows(db).ToListAsync(ct);
        return Page();
    }
}
