using System.ComponentModel.DataAnnotations;
using CityBridge.Core.Events;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CityBridge.Web.Features.Events;

/// <summary>A meeting session as sent by staff.</summary>
public sealed record SessionInput(string? Name, DateOnly? Date, TimeOnly? Start, TimeOnly? End);

/// <summary>What staff send to create or change an event.</summary>
public sealed class EventInput
{
    [Required(ErrorMessage = "Give the event a name.")]
    [StringLength(300, MinimumLength = 3, ErrorMessage = "The name needs 3 to 300 characters.")]
    public string Name { get; set; } = string.Empty;

    [StringLength(300, ErrorMessage = "Keep the venue under 300 characters.")]
    public string? Venue { get; set; }

    [Required(ErrorMessage = "Choose the venue's time zone.")]
    public string TimeZone { get; set; } = "Asia/Singapore";

    [StringLength(4000, ErrorMessage = "Keep the description under 4,000 characters.")]
    public string? Description { get; set; }

    [Range(5, 240, ErrorMessage = "A slot lasts 5 to 240 minutes.")]
    public int SlotMinutes { get; set; } = 20;

    [Range(0, 120, ErrorMessage = "A break lasts 0 to 120 minutes.")]
    public int BreakMinutes { get; set; } = 5;

    [Range(1, 500, ErrorMessage = "Between 1 and 500 tables.")]
    public int Tables { get; set; } = 10;

    public bool IsPublished { get; set; } = true;

    /// <summary>The program the event belongs to, if any (its report counts the event's meetings).</summary>
    public int? ProgramId { get; set; }

    public List<SessionInput> Sessions { get; set; } = [];

    public Guid? Version { get; set; }

    /// <summary>Staff saw which placed meetings the change affects and want them re-planned; without it such a change is refused.</summary>
    public bool ReplanAffected { get; set; }

    /// <summary>Every problem, by field name as the API and the form use it.</summary>
    public ValidationErrors Validate()
    {
        var errors = ValidationErrors.Annotations(this);
        if (!string.IsNullOrWhiteSpace(TimeZone) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is null)
        {
            errors.Add("timeZone", $"'{TimeZone}' is not a time zone; use an IANA name such as Asia/Singapore.");
        }

        if (Sessions.Count == 0)
        {
            errors.Add("sessions", "Add at least one meeting session.");
        }

        for (var i = 0; i < Sessions.Count; i++)
        {
            var s = Sessions[i];
            if (string.IsNullOrWhiteSpace(s.Name) || s.Date is null || s.Start is null || s.End is null)
            {
                errors.Add($"sessions[{i}]", $"Session {i + 1} needs a name, a date, a start and an end.");
            }
        }

        if (errors.IsEmpty)
        {
            if (Sessions.Select(s => s.Name!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Sessions.Count)
            {
                errors.Add("sessions", "Give each session its own name.");
            }

            foreach (var problem in SlotPlan.Problems(ToSessions(), SlotMinutes))
            {
                errors.Add("sessions", problem);
            }
        }

        return errors;
    }

    /// <summary>The field rules plus the check that the chosen program exists.</summary>
    public async Task<ValidationErrors> ValidateAsync(CityBridgeDb db, CancellationToken ct)
    {
        var errors = Validate();
        if (ProgramId is { } programId && !await db.Programs.AnyAsync(p => p.Id == programId, ct))
        {
            errors.Add("programId", $"There is no program with id {programId}.");
        }

        return errors;
    }

    public List<MeetingSession> ToSessions() =>
        Sessions.Select(s => new MeetingSession(s.Name!.Trim(), LocalDate.FromDateOnly(s.Date!.Value), LocalTime.FromTimeOnly(s.Start!.Value), LocalTime.FromTimeOnly(s.End!.Value))).ToList();

    public void ApplyTo(MatchmakingEvent e)
    {
        e.Name = Name.Trim();
        e.Venue = Venue?.Trim();
        e.TimeZone = TimeZone;
        e.Description = Description?.Trim();
        e.SlotMinutes = SlotMinutes;
        e.BreakMinutes = BreakMinutes;
        e.Tables = Tables;
        e.IsPublished = IsPublished;
        e.ProgramId = ProgramId;
        // Sessions keep their ids where the name is unchanged, so participants' availability survives an edit.
        var kept = new List<EventSession>();
        foreach (var s in Sessions)
        {
            var session = e.Sessions.FirstOrDefault(x => string.Equals(x.Name, s.Name!.Trim(), StringComparison.OrdinalIgnoreCase)) ?? new EventSession { Name = s.Name!.Trim() };
            session.Name = s.Name!.Trim();
            session.Date = s.Date!.Value;
            session.Start = s.Start!.Value;
            session.End = s.End!.Value;
            kept.Add(session);
        }

        e.Sessions.RemoveAll(x => !kept.Contains(x));
        e.Sessions.AddRange(kept.Where(k => !e.Sessions.Contains(k)));
    }

    public static EventInput From(MatchmakingEvent e) => new()
    {
        Name = e.Name,
        Venue = e.Venue,
        TimeZone = e.TimeZone,
        Description = e.Description,
        SlotMinutes = e.SlotMinutes,
        BreakMinutes = e.BreakMinutes,
        Tables = e.Tables,
        IsPublished = e.IsPublished,
        ProgramId = e.ProgramId,
        Sessions = e.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).Select(s => new SessionInput(s.Name, s.Date, s.Start, s.End)).ToList(),
        Version = e.Version,
    };
}
