using CityBridge.Core.Domain;
using CityBridge.Core.Pipeline;

namespace CityBridge.Core.Dashboards;

/// <summary>A country's urban population facts.</summary>
public sealed record CountryFact(string Code, string Name, long UrbanToday, long Urban2050);

/// <summary>What the dashboard needs of a project: where it is, its sectors and the programs its city brought it to.</summary>
public sealed record ProjectFact(int Id, string CountryCode, IReadOnlyList<string> Sectors, IReadOnlyList<int> ProgramIds);

/// <summary>What the dashboard needs of an opportunity: its project, stage, values and dates.</summary>
public sealed record OpportunityFact(int Id, ProjectFact Project, OpportunityStage Stage, decimal? ValueUsd, DateTimeOffset OpenedAt, DateOnly? WonOn)
{
    public string CountryCode => Project.CountryCode;

    public IReadOnlyList<string> Sectors => Project.Sectors;
}

/// <summary>A one-to-one meeting held at a program's matchmaking event, with the city side's country and the program's sectors.</summary>
public sealed record MeetingFact(int Id, int ProgramId, string ProgramName, string CountryCode, IReadOnlyList<string> Sectors);

/// <summary>The dashboard's filters; null means all.</summary>
public sealed record DashboardFilter(string? Country = null, string? Sector = null, int? ProgramId = null)
{
    public bool Matches(string countryCode, IReadOnlyList<string> sectors, IReadOnlyList<int> programIds) =>
        (Country is null || string.Equals(countryCode, Country, StringComparison.OrdinalIgnoreCase))
        && (Sector is null || sectors.Contains(Sector))
        && (ProgramId is null || programIds.Contains(ProgramId.Value));

    public bool Matches(ProjectFact project) => Matches(project.CountryCode, project.Sectors, project.ProgramIds);
}

/// <summary>One row of a chart: a label and one value per series.</summary>
public sealed record ChartRow(string Label, IReadOnlyList<decimal> Values);

/// <summary>A chart's data, which the page draws and also shows as a table and a CSV file.</summary>
public sealed record ChartData(string Key, string Title, string Unit, IReadOnlyList<string> Series, IReadOnlyList<ChartRow> Rows)
{
    public decimal Max => Rows.Count == 0 ? 0 : Rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max();
}

/// <summary>The dashboard's figures, computed from plain facts so that every number can be checked by hand.</summary>
public static class DashboardFigures
{
    public static ChartData UrbanPopulation(IEnumerable<CountryFact> countries, DashboardFilter filter) => new(
        "urban-population", "Urban population by country", "people", ["2025", "2050"],
        countries.Where(c => filter.Country is null || string.Equals(c.Code, filter.Country, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Urban2050)
            .Select(c => new ChartRow(c.Name, [c.UrbanToday, c.Urban2050])).ToList());

    /// <summary>Projects per sector; a project in two sectors counts in each.</summary>
    public static ChartData ProjectsBySector(IEnumerable<ProjectFact> projects, DashboardFilter filter) => new(
        "projects-by-sector", "Priority projects by sector", "projects", ["Projects"],
        projects.Where(filter.Matches)
            .SelectMany(p => p.Sectors.Where(s => filter.Sector is null || s == filter.Sector))
            .GroupBy(s => s)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChartRow(SectorTaxonomy.NameOf(g.Key), [g.Count()])).ToList());

    public static ChartData ProjectsByCountry(IEnumerable<ProjectFact> projects, IReadOnlyDictionary<string, string> countryNames, DashboardFilter filter) => new(
        "projects-by-country", "Priority projects by country", "projects", ["Projects"],
        projects.Where(filter.Matches)
            .GroupBy(p => p.CountryCode)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChartRow(countryNames.GetValueOrDefault(g.Key, g.Key), [g.Count()])).ToList());

    /// <summary>The summed value of opportunities in each stage, in stage order.</summary>
    public static ChartData PipelineValueByStage(IEnumerable<OpportunityFact> opportunities, DashboardFilter filter)
    {
        var byStage = opportunities.Where(o => filter.Matches(o.Project))
            .GroupBy(o => o.Stage).ToDictionary(g => g.Key, g => g.Sum(o => o.ValueUsd ?? 0));
        return new("pipeline-by-stage", "Pipeline value by stage", "USD", ["Value"],
            Enum.GetValues<OpportunityStage>().Select(s => new ChartRow(s.ToString(), [byStage.GetValueOrDefault(s)])).ToList());
    }

    /// <summary>Meetings held per program, most first; programs without meetings are left out.</summary>
    public static ChartData MeetingsPerProgram(IEnumerable<MeetingFact> meetings, DashboardFilter filter) => new(
        "meetings-per-program", "Meetings held per program", "meetings", ["Meetings"],
        meetings.Where(m => filter.Matches(m.CountryCode, m.Sectors, [m.ProgramId]))
            .DistinctBy(m => m.Id)
            .GroupBy(m => (m.ProgramId, m.ProgramName))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ProgramName, StringComparer.Ordinal)
            .Select(g => new ChartRow(g.Key.ProgramName, [g.Count()])).ToList());

    /// <summary>Won export value per quarter of the win date; each won opportunity counts once.</summary>
    public static ChartData ExportValueByQuarter(IEnumerable<OpportunityFact> opportunities, DashboardFilter filter) => new(
        "exports-by-quarter", "Export value won per quarter", "USD", ["Won"],
        Outcomes(opportunities, filter)
            .GroupBy(o => Quarter.Of(o.WonOn))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Number)
            .Select(g => new ChartRow(g.Key.ToString(), [g.Sum(o => o.ValueUsd)])).ToList());

    /// <summary>The export outcomes: one per won opportunity with a value and a date.</summary>
    public static IReadOnlyList<ExportOutcome> Outcomes(IEnumerable<OpportunityFact> opportunities, DashboardFilter filter) =>
        opportunities
            .Where(o => o.Stage == OpportunityStage.Won && o.ValueUsd is > 0 && o.WonOn is not null && filter.Matches(o.Project))
            .DistinctBy(o => o.Id)
            .Select(o => new ExportOutcome(o.Id, o.ValueUsd!.Value, o.WonOn!.Value, o.CountryCode, o.Sectors.Count > 0 ? o.Sectors[0] : string.Empty))
            .ToList();
}
