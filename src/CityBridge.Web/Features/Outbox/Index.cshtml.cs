using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Outbox;

/// <summary>Staff read every e-mail CityBridge wrote, see where each stands and give failed ones another try.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    public const int PageSize = 25;

    public PagedList<OutboxMessage> Messages { get; private set; } = new([], 0, 1, PageSize);

    public int Waiting { get; private set; }

    public int Failed { get; private set; }

    /// <remarks>The page number comes from the query string only: Razor Pages keep the route value "page" for the page's name.</remarks>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Waiting = await db.Outbox.CountAsync(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts, ct);
        Failed = await db.Outbox.CountAsync(m => m.SentAt == null && m.Attempts >= OutboxMessage.MaxAttempts, ct);
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).ToPageAsync(new DirectoryFilter { Page = pageNumber, PageSize = PageSize }, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        TempData["Flash"] = await OutboxSender.RetryAsync(db, id, ct)
            ? "The message will be sent again on the outbox's next pass."
            : "That message is not failed (any more): it was sent, or the sender is still trying it.";
        return Redirect($"/Outbox?page={pageNumber ?? 1}");
    }
}
