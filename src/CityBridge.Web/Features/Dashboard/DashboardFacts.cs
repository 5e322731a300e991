using CityBridge.Core.Dashboards;
using CityBridge.Core.Domain;
using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Programs;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Dashboard;

/// <summary>Everything the dashboards and the results report compute from, read once as plain facts.</summary>
public sealed record DashboardData(
    IReadOnlyList<CountryFact> Countries,
    IReadOnlyList<ProjectFact> Projects,
    IReadOnlyList<OpportunityFact> Opportunities,
    IReadOnlyList<MeetingFact> Meetings,
    IReadOnlyList<ProgramFact> Programs,
    IReadOnlyList<ParticipationFact> Participations);

/// <summary>Reads the dashboard facts from the database; the figures themselves are computed in Core.</summary>
public sealed class DashboardFacts(CityBridgeDb db, TimeProvider clock)
{
    public async Task<DashboardData> LoadAsync(CancellationToken ct)
    {
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountryFact(c.Code, c.Name, c.UrbanPopulationToday, c.UrbanPopulation2050)).ToListAsync(ct);

        var registrations = await db.ProgramRegistrations.AsNoTracking()
            .Where(r => r.Status != RegistrationStatus.Cancelled).Select(r => new { r.ProgramId, r.Status, r.ProjectId }).ToListAsync(ct);
        var participations = registrations
            .Select(r => new ParticipationFact(r.ProgramId, RegistrationRules.HoldsSeat(r.Status), r.Status == RegistrationStatus.CheckedIn, r.ProjectId)).ToList();
        var programsOfProject = participations.Where(p => p.Confirmed && p.ProjectId is not null)
            .GroupBy(p => p.ProjectId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(p => p.ProgramId).Distinct().Order().ToList());

        var projects = (await db.Projects.AsNoTracking().Select(p => new { p.Id, p.City!.CountryCode, p.Sectors }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new ProjectFact(p.Id, p.CountryCode, p.Sectors, programsOfProject.GetValueOrDefault(p.Id, [])));
        var opportunities = (await db.Opportunities.AsNoTracking().Select(o => new { o.Id, o.ProjectId, o.Stage, o.ValueUsd, o.CreatedAt, o.WonOn }).ToListAsync(ct))
            .Select(o => new OpportunityFact(o.Id, projects[o.ProjectId], o.Stage, o.ValueUsd, o.CreatedAt, o.WonOn)).ToList();

        // With their sessions: a program starts with its first session (ProgramWorkflow.StartOf), as the program report counts.
        var programs = await db.Programs.AsNoTracking().Include(p => p.Sessions).ToListAsync(ct);
        var programFacts = programs
            .Select(p => new ProgramFact(p.Id, p.Name, ProgramViews.KindName(p.Kind), p.StartDate, p.EndDate, ProgramWorkflow.StartOf(p).ToDateTimeOffset())).ToList();

        return new DashboardData(countries, [.. projects.Values], opportunities, await MeetingsAsync(programs.ToDictionary(p => p.Id, p => (p.Name, p.Sectors)), ct), programFacts, participations);
    }

    /// <summary>Meetings held at program events, each with the country of its city side (the registrant from a city government).</summary>
    private async Task<List<MeetingFact>> MeetingsAsync(Dictionary<int, (string Name, List<string> Sectors)> programs, CancellationToken ct)
    {
        var meetings = await (from m in ProgramReport.HeldMeetings(db, clock)
                              join e in db.Events on m.EventId equals e.Id
                              where e.ProgramId != null
                              join first in db.EventRegistrations on m.FirstRegistrationId equals first.Id
                              join second in db.EventRegistrations on m.SecondRegistrationId equals second.Id
                              select new { m.Id, ProgramId = e.ProgramId!.Value, First = first.OrganizationId, Second = second.OrganizationId })
            .AsNoTracking().ToListAsync(ct);
        var organizationIds = meetings.SelectMany(m => new[] { m.First, m.Second }).OfType<int>().Distinct().ToList();
        var cityCountries = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id) && o.Kind == OrganizationKind.CityGovernment && o.City != null)
            .Select(o => new { o.Id, o.City!.CountryCode }).ToDictionaryAsync(o => o.Id, o => o.CountryCode, ct);
        string CountryOf(int? organization) => organization is { } id ? cityCountries.GetValueOrDefault(id, string.Empty) : string.Empty;
        return meetings
            .Select(m => new MeetingFact(m.Id, m.ProgramId, programs[m.ProgramId].Name, CountryOf(m.First) is { Length: > 0 } c ? c : CountryOf(m.Second), programs[m.ProgramId].Sectors))
            .ToList();
    }
}
