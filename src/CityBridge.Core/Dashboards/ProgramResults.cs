namespace CityBridge.Core.Dashboards;

/// <summary>What the results report needs of a program: its days, and the instant it starts (its first session, in its time zone).</summary>
public sealed record ProgramFact(int Id, string Name, string Kind, DateOnly Starts, DateOnly Ends, DateTimeOffset StartsAt)
{
    public bool Overlaps(DateOnly from, DateOnly to) => Starts <= to && Ends >= from;
}

/// <summary>One registration: confirmed by staff, present on the day, and the priority project it brought, if any.</summary>
public sealed record ParticipationFact(int ProgramId, bool Confirmed, bool CheckedIn, int? ProjectId);

/// <summary>A program's results: who came, the meetings held and what followed.</summary>
public sealed record ProgramResult(
    string Label, int Confirmed, int CheckedIn, int MeetingsHeld, int FollowUpOpportunities, int Won, decimal ExportValueUsd, ProgramFact? Program = null)
{
    /// <summary>Checked-in share of the confirmed participants, 0 when nobody was confirmed.</summary>
    public decimal AttendanceRate => Confirmed == 0 ? 0 : Math.Round((decimal)CheckedIn / Confirmed, 3);
}

/// <summary>The results of the programs in a period, one row each, and the totals in which every opportunity counts once.</summary>
public sealed record ProgramResultsReport(DateOnly From, DateOnly To, IReadOnlyList<ProgramResult> Rows, ProgramResult Totals);

/// <summary>
/// Computes program results from plain facts. A program's follow-up opportunities are those opened at or after its start
/// on a project that a confirmed participant brought (the rule of the program report); a won one counts as an export outcome once, even when the
/// project went to several programs.
/// </summary>
public static class ProgramResults
{
    public static ProgramResultsReport ForPeriod(
        DateOnly from,
        DateOnly to,
        IEnumerable<ProgramFact> programs,
        IReadOnlyList<ParticipationFact> participations,
        IReadOnlyList<MeetingFact> meetings,
        IReadOnlyList<OpportunityFact> opportunities)
    {
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        var inPeriod = programs.Where(p => p.Overlaps(from, to)).OrderBy(p => p.Starts).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var rows = new List<ProgramResult>();
        var allFollowUps = new List<OpportunityFact>();
        foreach (var program in inPeriod)
        {
            var registrations = participations.Where(r => r.ProgramId == program.Id).ToList();
            var followUps = FollowUps(program, registrations, opportunities);
            allFollowUps.AddRange(followUps);
            var outcomes = DashboardFigures.Outcomes(followUps, new DashboardFilter());
            rows.Add(new ProgramResult(
                program.Name,
                registrations.Count(r => r.Confirmed),
                registrations.Count(r => r.Confirmed && r.CheckedIn),
                meetings.Where(m => m.ProgramId == program.Id).DistinctBy(m => m.Id).Count(),
                followUps.Count,
                outcomes.Count,
                outcomes.Sum(o => o.ValueUsd),
                program));
        }

        var distinctFollowUps = allFollowUps.DistinctBy(o => o.Id).ToList();
        var allOutcomes = DashboardFigures.Outcomes(distinctFollowUps, new DashboardFilter());
        var totals = new ProgramResult(
            "All programs",
            rows.Sum(r => r.Confirmed),
            rows.Sum(r => r.CheckedIn),
            rows.Sum(r => r.MeetingsHeld),
            distinctFollowUps.Count,
            allOutcomes.Count,
            allOutcomes.Sum(o => o.ValueUsd));
        return new ProgramResultsReport(from, to, rows, totals);
    }

    private static List<OpportunityFact> FollowUps(ProgramFact program, IReadOnlyList<ParticipationFact> registrations, IReadOnlyList<OpportunityFact> opportunities)
    {
        var broughtProjects = registrations.Where(r => r.Confirmed && r.ProjectId is not null).Select(r => r.ProjectId!.Value).ToHashSet();
        return opportunities.Where(o => broughtProjects.Contains(o.Project.Id) && o.OpenedAt >= program.StartsAt).DistinctBy(o => o.Id).ToList();
    }
}
