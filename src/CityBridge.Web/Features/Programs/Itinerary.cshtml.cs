using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>An expert delegation's visits with their flags; staff plan them here.</summary>
public sealed class ItineraryModel(CityBridgeDb db, ProgramWorkflow flow, ProgramItinerary itinerary) : PageModel
{
    public sealed class VisitRow
    {
        public int? CityId { get; set; }

        public DateOnly? Start { get; set; }

        public DateOnly? End { get; set; }

        public string? Host { get; set; }

        public string? Topics { get; set; }

        public int? ProjectId { get; set; }
    }

    [BindProperty]
    public List<VisitRow> Rows { get; set; } = [];

    public TradeProgram Program { get; private set; } = null!;

    public IReadOnlyList<VisitView> Visits { get; private set; } = [];

    public bool MayManage { get; private set; }

    public int TravelDays => flow.TravelDays;

    public IReadOnlyList<(int Id, string Name, string CountryCode)> Cities { get; private set; } = [];

    public IReadOnlyList<(int Id, string City, string Title)> Projects { get; private set; } = [];

    public string? Problem => ModelState.PageMessage();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, fillRows: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ProgramWorkflow.MayManage(await this.ActorAsync(ct)))
        {
            return Forbid();
        }

        var visits = Rows.Where(r => r.CityId is not null).Select(r => new VisitInput(r.CityId, r.Start, r.End, r.Host, r.Topics, r.ProjectId)).ToList();
        if (await itinerary.SaveAsync(id, visits, ct) is { } refusal)
        {
            if (this.Refuse(refusal, missingRecordIsNotFound: true) is { } refused)
            {
                return refused;
            }

            return await LoadAsync(id, fillRows: false, ct) ? Page() : NotFound();
        }

        TempData["Flash"] = "Itinerary saved.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, bool fillRows, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        if (await flow.FindAsync(id, actor, ct) is not { } p || p.Kind != ProgramKind.ExpertDelegation)
        {
            return false;
        }

        Program = p;
        MayManage = ProgramWorkflow.MayManage(actor);
        Visits = await itinerary.ReadAsync(id, ct);
        if (MayManage)
        {
            Cities = (await db.Cities.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.CountryCode }).ToListAsync(ct)).Select(c => (c.Id, c.Name, c.CountryCode)).ToList();
            Projects = (await db.Projects.AsNoTracking().OrderBy(x => x.City!.Name).ThenBy(x => x.Title).Select(x => new { x.Id, City = x.City!.Name, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.City, x.Title)).ToList();
            if (fillRows)
            {
                Rows = Visits.Select(v => new VisitRow { CityId = v.CityId, Start = v.Start, End = v.End, Host = v.Host, Topics = v.Topics, ProjectId = v.ProjectId }).ToList();
            }

            Rows.AddRange(Enumerable.Range(0, 2).Select(_ => new VisitRow()));
        }

        return true;
    }
}
