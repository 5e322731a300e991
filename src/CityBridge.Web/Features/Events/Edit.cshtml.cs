using System.Globalization;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>Staff create or change an event; sessions are one per line: "2026-12-01 09:00-12:00 Morning meetings".</summary>
[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class EditModel(CityBridgeDb db, EventWorkflow flow, EventEdits edits, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    [BindProperty]
    public string? SessionLines { get; set; }

    public int? Id { get; private set; }

    /// <summary>Placed meetings the posted change would move, shown for staff to decide.</summary>
    public IReadOnlyList<AffectedMeeting> Affected { get; private set; } = [];

    public string Local(DateTimeOffset instant) => EventWorkflow.ShownAt(instant, EventWorkflow.ZoneOf(Input.TimeZone), "");

    /// <summary>Programs an event can belong to, for the picker.</summary>
    public IReadOnlyList<(int Id, string Name)> Programs { get; private set; } = [];

    private async Task LoadProgramsAsync(CancellationToken ct) =>
        Programs = (await db.Programs.AsNoTracking().OrderByDescending(p => p.StartDate).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return NotFound();
            }

            Input = EventInput.From(e);
        }
        else
        {
            var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(30));
            Input.Sessions = [new SessionInput("Morning meetings", day, new TimeOnly(9, 0), new TimeOnly(12, 0))];
        }

        await LoadProgramsAsync(ct);
        SessionLines = string.Join("\n", Input.Sessions.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Date:yyyy-MM-dd} {s.Start:HH\\:mm}-{s.End:HH\\:mm} {s.Name}")));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Input.Sessions = [];
        var lineErrors = new List<string>();
        var lines = (SessionLines ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (ParseSession(lines[i]) is { } session)
            {
                Input.Sessions.Add(session);
            }
            else
            {
                lineErrors.Add($"Line {i + 1} is not \"YYYY-MM-DD HH:MM-HH:MM name\": {lines[i]}");
            }
        }

        await LoadProgramsAsync(ct);
        ModelState.Clear();
        foreach (var error in lineErrors)
        {
            ModelState.AddModelError(nameof(SessionLines), error);
        }

        if (lineErrors.Count > 0)
        {
            // Not saved: the lines that could not be read would be lost. Show every other problem with them at once.
            (await Input.ValidateAsync(db, ct)).CopyTo(ModelState, nameof(Input));
            return ShowOnForm();
        }

        var actor = await this.ActorAsync(ct);
        var (saved, refusal) = id is { } existing ? await flow.UpdateAsync(existing, Input, actor, ct) : await flow.CreateAsync(Input, actor, ct);
        if (refusal is null)
        {
            TempData["Flash"] = "Event saved.";
            return RedirectToPage("Details", new { id = saved!.Id });
        }

        if (refusal.Field == EventWorkflow.ReplanField && id is { } changed
            && await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == changed, ct) is { } current)
        {
            // Never move a published meeting silently: show the affected ones until staff choose to re-plan them.
            Affected = await edits.AffectedAsync(current, Input, ct);
            ModelState.AddModelError(string.Empty, "Decide what happens to the meetings below before saving.");
            return Page();
        }

        return this.Refuse(refusal, nameof(Input), missingRecordIsNotFound: true) ?? ShowOnForm();
    }

    /// <summary>The form again, with the sessions' messages beside the session lines the user typed.</summary>
    private PageResult ShowOnForm()
    {
        if (ModelState.TryGetValue($"{nameof(Input)}.Sessions", out var sessionErrors))
        {
            foreach (var error in sessionErrors.Errors.ToList())
            {
                ModelState.AddModelError(nameof(SessionLines), error.ErrorMessage);
            }
        }

        return Page();
    }

    private static SessionInput? ParseSession(string line)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var times = parts[1].Split('-');
        return times.Length == 2
            && TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            ? new SessionInput(parts[2].Trim(), date, start, end)
            : null;
    }
}
