using CityBridge.Core.Domain;
using CityBridge.Core.Readiness;
using CityBridge.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CityBridge.Web.Features.Readiness;

public sealed class ProcurementModel(IServiceProvider services, CityBridgeDb db) : ReadinessPageModel(services)
{
    /// <summary>The project's city's time zone: tender dates are entered and shown in it, and stored in UTC.</summary>
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    private async Task<bool> LoadWithZoneAsync(int projectId, CancellationToken ct)
    {
        if (!await LoadAsync(projectId, ct))
        {
            return false;
        }

        var zone = await db.Cities.Where(c => c.Id == Report.Project.CityId).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        Zone = Events.EventWorkflow.ZoneOf(zone);
        return true;
    }

    public override ReadinessPart Part => ReadinessPart.Procurement;

    [BindProperty]
    public ProcurementForm Form { get; set; } = new();

    /// <summary>Why the last publish attempt was refused, in plain words, one per schema error.</summary>
    public IReadOnlyList<string> PublishErrors { get; private set; } = [];

    public string PackageUrl => TenderPublisher.PackagePath(Report.Project.Id);

    public async Task<IActionResult> OnGetAsync(int projectId, int? version, CancellationToken ct)
    {
        if (!await LoadWithZoneAsync(projectId, ct) || await PayloadAsync(projectId, version, Report.Procurement, ct) is not { } assessment)
        {
            return NotFound();
        }

        Form = ProcurementForm.From(assessment, Report.Checklist, Zone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int projectId, CancellationToken ct)
    {
        if (!await LoadWithZoneAsync(projectId, ct))
        {
            return NotFound();
        }

        var rows = new RowMap();
        var assessment = Form.ToAssessment(rows, Zone);
        var result = await SaveAsync(projectId, assessment, ReadinessValidation.Procurement(assessment, Report.Checklist, rows), ct);
        if (result is not null)
        {
            return result;
        }

        return Page();
    }

    /// <summary>One more blank tender item; works without JavaScript.</summary>
    public async Task<IActionResult> OnPostAddRowAsync(int projectId, string? list, CancellationToken ct) =>
        await LoadWithZoneAsync(projectId, ct) ? AddRow(Form, list) : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int projectId, CancellationToken ct)
    {
        if (!await LoadWithZoneAsync(projectId, ct))
        {
            return NotFound();
        }

        if (!Report.MayEdit)
        {
            return Forbid();
        }

        var root = HttpContext.RequestServices.GetRequiredService<Shared.PublicUrls>().Root;
        var published = await (await Feature.PublisherAsync()).PublishAsync(Report.Project, root, ct);
        if (published.Tender is { } tender)
        {
            TempData["Flash"] = $"Tender published as OCDS release {tender.ReleaseId}.";
            return RedirectToPage(new { projectId });
        }

        PublishErrors = published.Errors;
        Form = ProcurementForm.From(Report.Procurement, Report.Checklist, Zone);
        return Page();
    }
}

/// <summary>The checklist and tender builder form.</summary>
public sealed class ProcurementForm : IGrowingForm
{
    public List<CheckRow> Checklist { get; set; } = [];

    public TenderForm Tender { get; set; } = new();

    public static ProcurementForm From(ProcurementAssessment assessment, IReadOnlyList<SectorStandard> checklist, DateTimeZone zone)
    {
        var saved = assessment.Checklist.ToDictionary(c => c.Standard, StringComparer.Ordinal);
        var t = assessment.Tender;
        var form = new ProcurementForm
        {
            Checklist = checklist.Select(s => saved.TryGetValue(s.Standard, out var c)
                ? new CheckRow { Standard = s.Standard, Status = c.Status, Note = c.Note }
                : new CheckRow { Standard = s.Standard }).ToList(),
            Tender = new TenderForm
            {
                Title = t.Title,
                Description = t.Description,
                ProcurementMethod = t.ProcurementMethod,
                MainProcurementCategory = t.MainProcurementCategory,
                Value = t.Value,
                Currency = t.Currency,
                TenderStart = Local(t.TenderStart, zone),
                TenderEnd = Local(t.TenderEnd, zone),
                Items = t.Items.Select(i => new ItemRow { Description = i.Description, Quantity = i.Quantity, Unit = i.Unit }).ToList(),
            },
        };
        form.PadRows();
        return form;
    }

    public void PadRows()
    {
        FormRows.Pad(Tender.Items, Math.Max(3, Tender.Items.Count + 1));
    }

    public void AddRow(string? list)
    {
        if (list == "items")
        {
            Tender.Items.Add(new());
        }
    }

    public ProcurementAssessment ToAssessment(RowMap rows, DateTimeZone zone)
    {
        var items = FormRows.Keep(Tender.Items, i => !string.IsNullOrWhiteSpace(i.Description) || i.Quantity is not null || !string.IsNullOrWhiteSpace(i.Unit), "tender.items", rows)
            .Select(i => new TenderItem(i.Description?.Trim() ?? string.Empty, i.Quantity ?? 0, i.Unit?.Trim() ?? string.Empty)).ToList();

        var tender = new TenderDraft(Trim(Tender.Title), Trim(Tender.Description), Tender.ProcurementMethod ?? string.Empty, Tender.MainProcurementCategory ?? string.Empty,
            Tender.Value, string.IsNullOrWhiteSpace(Tender.Currency) ? "USD" : Tender.Currency.Trim().ToUpperInvariant(), Utc(Tender.TenderStart, zone), Utc(Tender.TenderEnd, zone), items);
        return new ProcurementAssessment(Checklist.Select(c => new StandardCheck(c.Standard ?? string.Empty, c.Status, Trim(c.Note))).ToList(), tender);
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // The form shows and takes the city's wall-clock time; a time skipped by a clock change moves forward (lenient).
    private static DateTimeOffset? Utc(DateTime? value, DateTimeZone zone) =>
        value is { } v ? LocalDateTime.FromDateTime(v).InZoneLeniently(zone).ToInstant().ToDateTimeOffset() : null;

    private static DateTime? Local(DateTimeOffset? instant, DateTimeZone zone) =>
        instant is { } i ? Instant.FromDateTimeOffset(i).InZone(zone).LocalDateTime.ToDateTimeUnspecified() : null;
}

public sealed class CheckRow
{
    public string? Standard { get; set; }

    public ChecklistStatus Status { get; set; }

    public string? Note { get; set; }
}

public sealed class TenderForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? ProcurementMethod { get; set; } = "open";

    public string? MainProcurementCategory { get; set; } = "services";

    public decimal? Value { get; set; }

    public string? Currency { get; set; } = "USD";

    public DateTime? TenderStart { get; set; }

    public DateTime? TenderEnd { get; set; }

    public List<ItemRow> Items { get; set; } = [];
}

public sealed class ItemRow
{
    public string? Description { get; set; }

    public decimal? Quantity { get; set; }

    public string? Unit { get; set; }
}
