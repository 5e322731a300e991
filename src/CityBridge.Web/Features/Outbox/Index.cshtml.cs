using CityBridge.Web.Data;
using CityBridge.Web.Features.Email;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Outbox;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public int Pending { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await db.Outbox.CountAsync(m => m.SentAt == null, ct);
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync(ct);
    }
}
