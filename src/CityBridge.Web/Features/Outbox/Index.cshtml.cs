using CityBridge.Web.Data;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Outbox;

/// <summary>Staff read every e-mail CityBridge wrote, see where each stands and give failed ones another try.</summary>
public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public DirectoryFilter Filter { get; set; } = new();

    public PagedList<OutboxMessage> Messages { get; private set; } = new([], 0, 1, PageSize);

    public int Waiting { get; private set; }

    public int Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter.PageSize ??= PageSize;
        Waiting = await db.Outbox.CountAsync(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts, ct);
        Failed = await db.Outbox.CountAsync(m => m.SentAt == null && m.Attempts >= OutboxMessage.MaxAttempts, ct);
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).ToPageAsync(Filter, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, int? page, CancellationToken ct)
    {
        TempData["Flash"] = await OutboxSender.RetryAsync(db, id, ct)
            ? "The message will be sent again on the outbox's next pass."
            : "That message is not failed (any more): it was sent, or the sender is still trying it.";
        return RedirectToPage(new { page });
    }
}
