using CityBridge.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Audit;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = query.Where(a => a.EntityType == Type);
        }

        if (!string.IsNullOrWhiteSpace(Id))
        {
            query = query.Where(a => a.EntityId == Id);
        }

        Entries = await query.OrderByDescending(a => a.Id).Take(300).ToListAsync(ct);
    }
}
