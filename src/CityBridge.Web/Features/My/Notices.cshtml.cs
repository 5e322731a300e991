using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.My;

/// <summary>Which notices the user gets by e-mail; every kind is on until switched off.</summary>
[Authorize]
public sealed class NoticesModel(CityBridgeDb db) : PageModel
{
    public IReadOnlyList<NoticeChoice> Choices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var off = await Notices.OptOutsAsync(db, actor.UserId!, ct);
        Choices = NoticeKinds.All.Select(k => new NoticeChoice(k.Name, k.Label, !off.Contains(k.Name))).ToList();
    }

    public async Task<IActionResult> OnPostAsync(List<string> on, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        await Notices.SaveChoicesAsync(db, actor.UserId!, [.. on.Where(k => NoticeKinds.All.Any(n => n.Name == k))], ct);
        TempData["Flash"] = "Your notice choices are saved.";
        return RedirectToPage();
    }
}
