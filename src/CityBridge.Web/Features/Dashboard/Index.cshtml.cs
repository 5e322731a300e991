using System.Globalization;
using System.Text;
using CityBridge.Core.Dashboards;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Dashboard;

/// <summary>The program's results: charts with their data tables and CSV downloads, filtered by country and sector.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class IndexModel(DashboardFacts facts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Program { get; set; }

    public IReadOnlyList<ChartData> Charts { get; private set; } = [];

    public IReadOnlyList<ProgramFact> Programs { get; private set; } = [];

    public IReadOnlyList<CountryFact> Countries { get; private set; } = [];

    public decimal ExportsWon { get; private set; }

    public int OutcomeCount { get; private set; }

    public int MeetingsHeld { get; private set; }

    public decimal PipelineValue { get; private set; }

    public int ProjectCount { get; private set; }

    private DashboardFilter Filter => new(string.IsNullOrWhiteSpace(Country) ? null : Country, string.IsNullOrWhiteSpace(Sector) ? null : Sector, Program);

    public async Task OnGetAsync(CancellationToken ct) => Charts = await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(string chart, CancellationToken ct)
    {
        var data = (await LoadAsync(ct)).FirstOrDefault(c => c.Key == chart);
        if (data is null)
        {
            return NotFound();
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = CsvOutput.Writer(text))
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
        var data = await facts.LoadAsync(ct);
        Countries = data.Countries;
        Programs = [.. data.Programs.OrderByDescending(p => p.Starts)];
        var outcomes = DashboardFigures.Outcomes(data.Opportunities, Filter);
        ExportsWon = outcomes.Sum(o => o.ValueUsd);
        OutcomeCount = outcomes.Count;
        var names = Countries.ToDictionary(c => c.Code, c => c.Name);
        // The program's own results come first; the context (projects, urban population) follows.
        IReadOnlyList<ChartData> charts =
        [
            DashboardFigures.MeetingsPerProgram(data.Meetings, Filter),
            DashboardFigures.ExportValueByQuarter(data.Opportunities, Filter),
            DashboardFigures.PipelineValueByStage(data.Opportunities, Filter),
            DashboardFigures.ProjectsBySector(data.Projects, Filter),
            DashboardFigures.ProjectsByCountry(data.Projects, names, Filter),
            DashboardFigures.UrbanPopulation(Countries, Filter),
        ];
        MeetingsHeld = (int)charts[0].Rows.Sum(r => r.Values[0]);
        PipelineValue = charts[2].Rows.Sum(r => r.Values[0]);
        ProjectCount = (int)charts[4].Rows.Sum(r => r.Values[0]);
        return charts;
    }
}
