using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features;

public sealed class IndexModel(CityBridgeDb db, TimeProvider clock) : PageModel
{
    public long UrbanToday { get; private set; }

    public long Urban2050 { get; private set; }

    public int Cities { get; private set; }

    public int Projects { get; private set; }

    public int Providers { get; private set; }

    public int Solutions { get; private set; }

    /// <summary>Published matchmaking events whose first session is today or later, soonest first.</summary>
    public IReadOnlyList<(int Id, string Name, string? Venue, DateOnly First)> UpcomingEvents { get; private set; } = [];

    /// <summary>Published programs whose last day is today or later, soonest first.</summary>
    public IReadOnlyList<(int Id, string Name, string? Place, DateOnly First)> UpcomingPrograms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        UrbanToday = await db.Countries.SumAsync(c => c.UrbanPopulationToday, ct);
        Urban2050 = await db.Countries.SumAsync(c => c.UrbanPopulation2050, ct);
        Cities = await db.Cities.CountAsync(ct);
        Projects = await db.Projects.CountAsync(p => p.IsPublished, ct);
        Providers = await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Provider, ct);
        Solutions = await db.Solutions.CountAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var events = await db.Events.AsNoTracking().Where(e => e.IsPublished)
            .Select(e => new { e.Id, e.Name, e.Venue, First = e.Sessions.Min(s => (DateOnly?)s.Date) }).ToListAsync(ct);
        UpcomingPrograms = (await db.Programs.AsNoTracking().Where(p => p.IsPublished && p.EndDate >= today).OrderBy(p => p.StartDate).ThenBy(p => p.Name).Take(3)
            .Select(p => new { p.Id, p.Name, p.Place, p.StartDate }).ToListAsync(ct)).Select(p => (p.Id, p.Name, p.Place, p.StartDate)).ToList();
        UpcomingEvents = events.Where(e => e.First >= today).OrderBy(e => e.First).Take(3).Select(e => (e.Id, e.Name, e.Venue, e.First!.Value)).ToList();
    }
}
