using CityBridge.Core.Library;
using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>The demo data set's programs: a five-day workshop and an expert-advisor delegation, with a few registrations.</summary>
public static class DemoPrograms
{
    public const string WorkshopName = "Smart City Project Readiness Workshop, Singapore";
    public const string DelegationName = "Expert Advisors' Water Delegation to Makassar, Surabaya and Da Nang";

    public static async Task SeedAsync(CityBridgeDb db, TimeProvider clock, CityBridgeUser makassarOfficial, CityBridgeUser daNangOfficial, CityBridgeUser expert, CancellationToken ct)
    {
        if (await db.Programs.AnyAsync(p => p.Name == WorkshopName, ct))
        {
            return;
        }

        // Weeks ahead of the first start, so the demo always shows upcoming programs.
        var first = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(14));
        var workshop = new TradeProgram
        {
            Name = WorkshopName,
            Kind = ProgramKind.Workshop,
            Place = "Civil Service College, Singapore",
            TimeZone = "Asia/Singapore",
            Description = "Five days for two dozen city participants, each bringing one priority project: planning and tailoring build-outs, financing, standards and procurement, and cybersecurity risk.",
            StartDate = first,
            EndDate = first.AddDays(4),
            Sectors = ["water", "transportation", "energy"],
            Capacity = 24,
            IsPublished = true,
            Sessions = [.. WorkshopTopics.Names.Select((topic, day) => new ProgramSession
            {
                Title = topic,
                Topic = topic,
                Date = first.AddDays(day),
                Start = new TimeOnly(9, 0),
                End = new TimeOnly(12, 30),
                Speakers = "CityBridge program staff and invited practitioners",
                Materials = "Read the [blended-finance case study](/Library/blended-finance-for-a-water-utility) in the library before the session and bring your project's figures.",
            }), new ProgramSession { Title = "Project pitches and next steps", Date = first.AddDays(4), Start = new TimeOnly(9, 0), End = new TimeOnly(11, 0) }],
        };
        var delegation = new TradeProgram
        {
            Name = DelegationName,
            Kind = ProgramKind.ExpertDelegation,
            Place = "Makassar, Surabaya and Da Nang",
            TimeZone = "Asia/Makassar",
            Description = "Water-loss and smart-metering experts visit three cities to review their priority projects with the city teams.",
            StartDate = first.AddDays(21),
            EndDate = first.AddDays(27),
            Sectors = ["water"],
            Capacity = 6,
            IsPublished = true,
        };
        db.Programs.AddRange(workshop, delegation);
        await db.SaveChangesAsync(ct);

        var projects = await db.Projects.AsNoTracking().Include(p => p.City).Where(p => p.City!.Name == "Makassar" || p.City.Name == "Da Nang" || p.City.Name == "Surabaya")
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.CityId, City = p.City!.Name }).ToListAsync(ct);
        var cities = await db.Cities.AsNoTracking().Where(c => c.Name == "Makassar" || c.Name == "Da Nang" || c.Name == "Surabaya").ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        int? ProjectIn(string city) => projects.FirstOrDefault(p => p.City == city)?.Id;

        var now = clock.GetUtcNow();
        db.ProgramRegistrations.AddRange(
            new ProgramRegistration { ProgramId = workshop.Id, UserId = makassarOfficial.Id, Email = makassarOfficial.Email!, DisplayName = makassarOfficial.FullName, OrganizationId = makassarOfficial.OrganizationId, ProjectId = ProjectIn("Makassar"), Status = RegistrationStatus.Approved, AppliedAt = now },
            new ProgramRegistration { ProgramId = workshop.Id, UserId = daNangOfficial.Id, Email = daNangOfficial.Email!, DisplayName = daNangOfficial.FullName, OrganizationId = daNangOfficial.OrganizationId, ProjectId = ProjectIn("Da Nang"), Status = RegistrationStatus.Applied, AppliedAt = now },
            new ProgramRegistration { ProgramId = delegation.Id, UserId = expert.Id, Email = expert.Email!, DisplayName = expert.FullName, Status = RegistrationStatus.Approved, AppliedAt = now });
        var start = delegation.StartDate;
        db.ItineraryVisits.AddRange(
            new ItineraryVisit { ProgramId = delegation.Id, Order = 1, CityId = cities["Makassar"], Start = start, End = start.AddDays(1), Host = "PDAM Makassar (water utility)", Topics = "Non-revenue water, district metering", ProjectId = ProjectIn("Makassar") },
            new ItineraryVisit { ProgramId = delegation.Id, Order = 2, CityId = cities["Surabaya"], Start = start.AddDays(2), End = start.AddDays(3), Host = "Surabaya city water office", Topics = "Smart meters, billing data" },
            // Da Nang the day after Surabaya: no travel day between countries, so the itinerary page flags it.
            new ItineraryVisit { ProgramId = delegation.Id, Order = 3, CityId = cities["Da Nang"], Start = start.AddDays(3), End = start.AddDays(5), Host = "Da Nang Water Supply", Topics = "Network sensors", ProjectId = ProjectIn("Da Nang") });
        await db.SaveChangesAsync(ct);
    }
}
