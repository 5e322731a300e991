using System.Globalization;
using System.Text;
using CityBridge.Core.Dashboards;
using CityBridge.Web.Data;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Dashboard;

/// <summary>The program's results: charts with their data tables and CSV downloads, filtered by country and sector.</summary>
public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    public IReadOnlyList<ChartData> Charts { get; private set; } = [];

    public IReadOnlyList<CountryFact> Countries { get; private set; } = [];

    public decimal ExportsWon { get; private set; }

    public int OutcomeCount { get; private set; }

    private DashboardFilter Filter => new(string.IsNullOrWhiteSpace(Country) ? null : Country, string.IsNullOrWhiteSpace(Sector) ? null : Sector);

    public async Task OnGetAsync(CancellationToken ct) => Charts = await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(string chart, CancellationToken ct)
    {
        var data = (await LoadAsync(ct)).FirstOrDefault(c => c.Key == chart);
        if (data is null)
        {
            return NotFound();
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            csv.WriteField("label");
            foreach (var series in data.Series)
            {
                csv.WriteField(series);
            }

            await csv.NextRecordAsync();
            foreach (var row in data.Rows)
            {
                csv.WriteField(row.Label);
                foreach (var value in row.Values)
                {
                    csv.WriteField(value.ToString(CultureInfo.InvariantCulture));
                }

                await csv.NextRecordAsync();
            }
        }

        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"citybridge-{data.Key}.csv");
    }

    private async Task<IReadOnlyList<ChartData>> LoadAsync(CancellationToken ct)
    {
        Countries = await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountryFact(c.Code, c.Name, c.UrbanPopulationToday, c.UrbanPopulation2050)).ToListAsync(ct);
        var projects = (await db.Projects.AsNoTracking().Select(p => new { p.Id, p.City!.CountryCode, p.Sectors }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => new ProjectFact(p.Id, p.CountryCode, p.Sectors, []));
        var opportunities = (await db.Opportunities.AsNoTracking().Select(o => new { o.Id, o.ProjectId, o.Stage, o.ValueUsd, o.CreatedAt, o.WonOn }).ToListAsync(ct))
            .Select(o => new OpportunityFact(o.Id, projects[o.ProjectId], o.Stage, o.ValueUsd, DateOnly.FromDateTime(o.CreatedAt.UtcDateTime), o.WonOn)).ToList();
        var outcomes = DashboardFigures.Outcomes(opportunities, Filter);
        ExportsWon = outcomes.Sum(o => o.ValueUsd);
        OutcomeCount = outcomes.Count;
        var names = Countries.ToDictionary(c => c.Code, c => c.Name);
        return
        [
            DashboardFigures.UrbanPopulation(Countries, Filter),
            DashboardFigures.ProjectsBySector(projects.Values, Filter),
            DashboardFigures.ProjectsByCountry(projects.Values, names, Filter),
            DashboardFigures.PipelineValueByStage(opportunities, Filter),
            DashboardFigures.ExportValueByQuarter(opportunities, Filter),
        ];
    }
}
