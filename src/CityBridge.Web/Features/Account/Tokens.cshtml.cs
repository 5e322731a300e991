using System.ComponentModel.DataAnnotations;
using CityBridge.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Account;

/// <summary>Personal API tokens: shown once at creation, stored hashed, revocable.</summary>
[Authorize]
public sealed class TokensModel(CityBridgeDb db, CurrentActor current, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Name the token after what will use it.")]
    [StringLength(100)]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public bool AllowWrite { get; set; }

    [BindProperty]
    [Range(1, 365, ErrorMessage = "A token lives 1 to 365 days.")]
    public int Days { get; set; } = 90;

    public string? NewToken { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var secret = ApiTokenHandler.NewSecret();
            var now = clock.GetUtcNow();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = current.UserId!,
                Name = Name.Trim(),
                Hash = ApiTokenHandler.HashOf(secret),
                Prefix = secret[..10],
                Scopes = AllowWrite ? $"{ApiScopes.Read} {ApiScopes.Write}" : ApiScopes.Read,
                CreatedAt = now,
                ExpiresAt = now.AddDays(Days),
            });
            await db.SaveChangesAsync(ct);
            NewToken = secret;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == current.UserId, ct);
        if (token is null)
        {
            return NotFound();
        }

        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Token “{token.Name}” revoked.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == current.UserId).OrderByDescending(t => t.Id).ToListAsync(ct);
}
