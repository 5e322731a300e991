using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>The demo data set's matchmaking event, with two demo participants already registered.</summary>
public static class DemoEvent
{
    public const string Name = "Smart Water Matchmaking at Singapore International Water Week";

    public static async Task SeedAsync(CityBridgeDb db, TimeProvider clock, IEnumerable<(CityBridgeUser User, int? OrganizationId)> participants, CancellationToken ct)
    {
        if (await db.Events.AnyAsync(e => e.Name == Name, ct))
        {
            return;
        }

        // Three weeks ahead of the first start, so the demo always shows an upcoming event.
        var first = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(21));
        var e = new MatchmakingEvent
        {
            Name = Name,
            Venue = "Sands Expo and Convention Centre, Singapore",
            TimeZone = "Asia/Singapore",
            Description = "One-to-one meetings between city water utilities of the ASEAN Smart Cities Network and U.S. water-technology providers.",
            SlotMinutes = 20,
            BreakMinutes = 5,
            Tables = 6,
            Sessions =
            [
                new EventSession { Name = "Day 1 morning", Date = first, Start = new TimeOnly(9, 30), End = new TimeOnly(12, 0) },
                new EventSession { Name = "Day 2 afternoon", Date = first.AddDays(1), Start = new TimeOnly(14, 0), End = new TimeOnly(16, 30) },
            ],
        };
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        var names = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        foreach (var (user, organizationId) in participants)
        {
            db.EventRegistrations.Add(new EventRegistration
            {
                EventId = e.Id,
                UserId = user.Id,
                DisplayName = user.FullName,
                OrganizationId = organizationId,
                OrganizationName = organizationId is { } id ? names.GetValueOrDefault(id) : null,
                RegisteredAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
