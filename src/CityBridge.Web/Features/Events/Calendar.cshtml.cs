using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Events;

/// <summary>A signed-in user's calendar feed: create, replace (the old address stops working) or turn it off.</summary>
[Authorize]
public sealed class CalendarModel(CalendarFeeds feeds) : PageModel
{
    public Uri? Webcal { get; private set; }

    public Uri? Https { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (actor.UserId is null)
        {
            return Challenge();
        }

        if (await feeds.TokenAsync(actor.UserId, ct) is { } token)
        {
            (Webcal, Https) = feeds.FeedUrls(token);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (actor.UserId is null || !actor.MayWrite)
        {
            return Forbid();
        }

        var had = await feeds.TokenAsync(actor.UserId, ct) is not null;
        await feeds.RenewAsync(actor.UserId, ct);
        TempData["Flash"] = had ? "Your feed has a new address; the old one no longer works." : "Your calendar feed is ready.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (actor.UserId is null || !actor.MayWrite)
        {
            return Forbid();
        }

        await feeds.RevokeAsync(actor.UserId, ct);
        TempData["Flash"] = "Your calendar feed is off.";
        return RedirectToPage();
    }
}
