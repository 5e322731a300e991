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

/// <summary>The results of the programs of a period (by default this calendar year), or of one program, as a printable page and CSV.</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class ProgramResultsModel(DashboardFacts facts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Program { get; set; }

    public ProgramResultsReport? Report { get; private set; }

    public IReadOnlyList<ProgramFact> Programs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = await BuildAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var report = await BuildAsync(ct);
        if (report is null)
        {
            return new ObjectResult(new ValidationProblemDetails(ModelState) { Title = "The report's period or program is not valid." }) { StatusCode = 400, ContentTypes = { "application/problem+json" } };
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = CsvOutput.Writer(text))
        {
            csv.WriteRecords(report.Rows.Append(report.Totals).Select(r => new CsvRow(
                r.Label, r.Program?.Kind ?? string.Empty, r.Program?.Starts, r.Program?.Ends, r.Confirmed, r.CheckedIn, r.AttendanceRate,
                r.MeetingsHeld, r.FollowUpOpportunities, r.Won, r.ExportValueUsd.ToString("0.00", CultureInfo.InvariantCulture))));
        }

        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"citybridge-program-results-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv");
    }

    private async Task<ProgramResultsReport?> BuildAsync(CancellationToken ct)
    {
        var data = await facts.LoadAsync(ct);
        Programs = [.. data.Programs.OrderByDescending(p => p.Starts)];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var chosen = Program is { } id ? data.Programs.FirstOrDefault(p => p.Id == id) : null;
        if (Program is not null && chosen is null)
        {
            ModelState.AddModelError(nameof(Program), "There is no such program.");
            return null;
        }

        From ??= chosen?.Starts ?? new DateOnly(today.Year, 1, 1);
        To ??= chosen?.Ends ?? new DateOnly(today.Year, 12, 31);
        if (To < From)
        {
            ModelState.AddModelError(nameof(To), "The period must end on or after its first day.");
            return null;
        }

        var programs = chosen is null ? data.Programs : [chosen];
        return ProgramResults.ForPeriod(From.Value, To.Value, programs, data.Participations, data.Meetings, data.Opportunities);
    }

    private sealed record CsvRow(
        string Program, string Kind, DateOnly? Starts, DateOnly? Ends, int Confirmed, int CheckedIn, decimal AttendanceRate,
        int MeetingsHeld, int FollowUpOpportunities, int Won, string ExportValueUsd);
}
