using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>A city visit as staff send it.</summary>
public sealed record VisitInput(int? CityId, DateOnly? Start, DateOnly? End, string? Host, string? Topics, int? ProjectId);

/// <summary>A visit in itinerary order, with what the checks found wrong with it.</summary>
public sealed record VisitView(int Order, int CityId, string City, string CountryCode, DateOnly Start, DateOnly End, string? Host, string? Topics, int? ProjectId, string? ProjectTitle, IReadOnlyList<ItineraryFlag> Flags);

/// <summary>The itinerary of an expert-advisor delegation: visits in order, checked for overlaps and travel days between countries.</summary>
public sealed class ProgramItinerary(CityBridgeDb db, ProgramWorkflow flow)
{
    public async Task<List<VisitView>> ReadAsync(int programId, CancellationToken ct)
    {
        var visits = await db.ItineraryVisits.AsNoTracking().Include(v => v.City).Where(v => v.ProgramId == programId).OrderBy(v => v.Order).ToListAsync(ct);
        var projectIds = visits.Where(v => v.ProjectId != null).Select(v => v.ProjectId!.Value).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var flags = ItineraryCheck.Check(visits.Select(v => new ItineraryStop(v.Order, v.City!.Name, v.City.CountryCode, v.Start, v.End)), flow.TravelDays).ToLookup(f => f.Order);
        return visits.Select(v => new VisitView(v.Order, v.CityId, v.City!.Name, v.City.CountryCode, v.Start, v.End, v.Host, v.Topics, v.ProjectId,
            v.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, [.. flags[v.Order]])).ToList();
    }

    /// <summary>Replaces the itinerary with <paramref name="visits"/> in the order given; flags do not block saving, they warn.</summary>
    public async Task<Refusal?> SaveAsync(int programId, IReadOnlyList<VisitInput> visits, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return Refusal.NotFound($"There is no program with id {programId}.");
        }

        if (program.Kind != Core.Programs.ProgramKind.ExpertDelegation)
        {
            return Refusal.Conflict("Only expert-advisor delegations have an itinerary.");
        }

        var cityIds = visits.Where(v => v.CityId != null).Select(v => v.CityId!.Value).Distinct().ToList();
        var known = await db.Cities.AsNoTracking().Where(c => cityIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var projectIds = visits.Where(v => v.ProjectId != null).Select(v => v.ProjectId!.Value).Distinct().ToList();
        var projectCities = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CityId, ct);
        for (var i = 0; i < visits.Count; i++)
        {
            var v = visits[i];
            if (v.CityId is not { } cityId || !known.Contains(cityId) || v.Start is null || v.End is null)
            {
                return Refusal.Invalid($"Visit {i + 1} needs a known city, a first and a last day.", $"visits[{i}]");
            }

            if (v.ProjectId is { } projectId && projectCities.GetValueOrDefault(projectId) != cityId)
            {
                return Refusal.Invalid($"Visit {i + 1}: link a project of the city visited.", $"visits[{i}]");
            }

            if (v.Host?.Length > 300 || v.Topics?.Length > 2000)
            {
                return Refusal.Invalid($"Visit {i + 1}: keep the host under 300 and the topics under 2,000 characters.", $"visits[{i}]");
            }
        }

        db.ItineraryVisits.RemoveRange(await db.ItineraryVisits.Where(v => v.ProgramId == programId).ToListAsync(ct));
        db.ItineraryVisits.AddRange(visits.Select((v, i) => new ItineraryVisit
        {
            ProgramId = programId,
            Order = i + 1,
            CityId = v.CityId!.Value,
            Start = v.Start!.Value,
            End = v.End!.Value,
            Host = string.IsNullOrWhiteSpace(v.Host) ? null : v.Host.Trim(),
            Topics = string.IsNullOrWhiteSpace(v.Topics) ? null : v.Topics.Trim(),
            ProjectId = v.ProjectId,
        }));
        await db.SaveChangesAsync(ct);
        return null;
    }
}
