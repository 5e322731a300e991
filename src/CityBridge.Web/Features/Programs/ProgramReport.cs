using System.Globalization;
using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>A follow-up opportunity counted in a program's report.</summary>
public sealed record FollowUp(int Id, string Provider, string Project, string Stage, decimal? ValueUsd, DateTimeOffset CreatedAt);

/// <summary>What a program achieved: attendance, meetings held at its matchmaking events, feedback and follow-up opportunities.</summary>
public sealed record ProgramReportView(int ProgramId, string Name, int Registered, int Approved, int CheckedIn, int Waitlisted, int Cancelled, int MeetingsHeld,
    FeedbackSummary Feedback, IReadOnlyList<string> Comments, IReadOnlyList<FollowUp> FollowUps)
{
    public decimal FollowUpValueUsd => FollowUps.Sum(f => f.ValueUsd ?? 0);
}

public sealed class ProgramReport(CityBridgeDb db, TimeProvider clock)
{
    /// <summary>
    /// Registered counts every registration not cancelled; approved those holding a seat (approved or checked in); meetings held
    /// are scheduled, not cancelled meetings of the program's events; follow-ups are opportunities created after the program
    /// started on a project that a confirmed (approved or checked-in) participant brought.
    /// </summary>
    public async Task<ProgramReportView?> BuildAsync(int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Sessions).FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return null;
        }

        var registrations = await db.ProgramRegistrations.AsNoTracking().Where(r => r.ProgramId == programId).ToListAsync(ct);
        var active = registrations.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        var eventIds = db.Events.Where(e => e.ProgramId == programId).Select(e => e.Id);
        var meetings = await HeldMeetings(db, clock).CountAsync(m => eventIds.Contains(m.EventId), ct);
        var feedback = await db.ProgramFeedback.AsNoTracking().Where(f => f.ProgramId == programId).OrderBy(f => f.Id).ToListAsync(ct);

        // The same rule as the dashboards' program results (Core ProgramResults): projects that confirmed participants brought.
        var linked = active.Where(r => RegistrationRules.HoldsSeat(r.Status) && r.ProjectId != null).Select(r => r.ProjectId!.Value).ToList();
        var start = ProgramWorkflow.StartOf(program).ToDateTimeOffset();
        var candidates = await db.Opportunities.AsNoTracking().Include(o => o.Provider).Include(o => o.Project)
            .Where(o => linked.Contains(o.ProjectId)).ToListAsync(ct);
        // Compared in memory: SQLite cannot order DateTimeOffset values in SQL.
        var followUps = candidates.Where(o => o.CreatedAt >= start).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new FollowUp(o.Id, o.Provider!.Name, o.Project!.Title, o.Stage.ToString(), o.ValueUsd, o.CreatedAt)).ToList();

        return new ProgramReportView(program.Id, program.Name, active.Count,
            active.Count(r => RegistrationRules.HoldsSeat(r.Status)), active.Count(r => r.Status == RegistrationStatus.CheckedIn),
            active.Count(r => r.Status == RegistrationStatus.Waitlisted), registrations.Count - active.Count, meetings,
            FeedbackSummary.Of(feedback.Select(f => f.Score)), feedback.Where(f => f.Comment != null).Select(f => f.Comment!).ToList(), followUps);
    }

    /// <summary>
    /// Meetings held at matchmaking events, as the report and the dashboards count them: placed, not cancelled, not marked
    /// a no-show, and either marked held or of an event whose days are all over (most meetings are never marked either
    /// way; a meeting still ahead has not been held).
    /// </summary>
    public static IQueryable<Events.EventMeeting> HeldMeetings(CityBridgeDb db, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return db.EventMeetings.Where(m => !m.Cancelled && m.SlotIndex != null && m.Attendance != Events.MeetingAttendance.NoShow
            && (m.Attendance == Events.MeetingAttendance.Held || !db.EventSessions.Any(s => s.EventId == m.EventId && s.Date >= today)));
    }

    /// <summary>The report as CSV: one measure per row, then one row per follow-up opportunity.</summary>
    public static byte[] ToCsv(ProgramReportView report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvOutput.Writer(writer))
        {
            var rows = new List<ReportRow>
            {
                new("attendance", "registered", report.Registered.ToString(CultureInfo.InvariantCulture)),
                new("attendance", "approved", report.Approved.ToString(CultureInfo.InvariantCulture)),
                new("attendance", "checked in", report.CheckedIn.ToString(CultureInfo.InvariantCulture)),
                new("attendance", "waitlisted", report.Waitlisted.ToString(CultureInfo.InvariantCulture)),
                new("attendance", "cancelled", report.Cancelled.ToString(CultureInfo.InvariantCulture)),
                new("meetings", "held", report.MeetingsHeld.ToString(CultureInfo.InvariantCulture)),
                new("feedback", "responses", report.Feedback.Count.ToString(CultureInfo.InvariantCulture)),
                new("feedback", "average score", report.Feedback.Average?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty),
            };
            rows.AddRange(report.Feedback.Distribution.Select((n, i) => new ReportRow("feedback", $"score {i + 1}", n.ToString(CultureInfo.InvariantCulture))));
            rows.Add(new("follow-up", "opportunities", report.FollowUps.Count.ToString(CultureInfo.InvariantCulture)));
            rows.Add(new("follow-up", "value USD", report.FollowUpValueUsd.ToString("0.00", CultureInfo.InvariantCulture)));
            rows.AddRange(report.FollowUps.Select(f => new ReportRow("opportunity", $"{f.Provider} / {f.Project} ({f.Stage})", f.ValueUsd?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty)));
            csv.WriteRecords(rows);
        }

        return System.Text.Encoding.UTF8.GetBytes(writer.ToString());
    }

    private sealed record ReportRow(string Section, string Measure, string Value);
}
