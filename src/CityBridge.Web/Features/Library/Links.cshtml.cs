using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Library;

/// <summary>The form target of the <c>_LibraryLinks</c> partial: staff add and remove links, then return to the page they came from.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class LinksModel(LibraryLinks links) : PageModel
{
    public IActionResult OnGet() => Redirect("/Library");

    public async Task<IActionResult> OnPostAddAsync(int documentId, string targetKind, int targetId, string? returnUrl, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (!LibraryLinks.MayEdit(actor))
        {
            return Forbid();
        }

        var problem = await links.AddAsync(documentId, new LibraryLinkTarget(targetKind, targetId), actor, ct);
        TempData["Flash"] = problem ?? "Document linked.";
        return Back(returnUrl);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long linkId, string? returnUrl, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (!LibraryLinks.MayEdit(actor))
        {
            return Forbid();
        }

        await links.RemoveAsync(linkId, actor, ct);
        TempData["Flash"] = "Link removed.";
        return Back(returnUrl);
    }

    private IActionResult Back(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/Library");
}
