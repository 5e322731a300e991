using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Interests;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InterestStatus? Status { get; set; }

    public IReadOnlyList<Interest> Interests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Interests.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        else
        {
            query = query.Where(i => i.Status == InterestStatus.New || i.Status == InterestStatus.Assigned);
        }

        Interests = await query.OrderByDescending(i => i.Id).Take(500).ToListAsync(ct);
    }
}
