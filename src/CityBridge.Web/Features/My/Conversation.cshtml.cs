using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.My;

/// <summary>One thread between a city and a provider.</summary>
[Authorize]
public sealed class ConversationModel(Conversations conversations) : PageModel
{
    public ConversationView Thread { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (_, refusal) = await conversations.PostAsync(await this.ActorAsync(ct), id, Body, ct);
        if (refusal is null)
        {
            return RedirectToPage(new { id });
        }

        if (refusal.Status != 400)
        {
            return refusal.Status == 404 ? NotFound() : Forbid();
        }

        ModelState.AddModelError(nameof(Body), refusal.Message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var (view, _) = await conversations.ReadAsync(await this.ActorAsync(ct), id, ct);
        Thread = view!;
        return view is not null;
    }
}
