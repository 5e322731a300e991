using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>A placed meeting an edit of the event's sessions, slots or tables cannot keep where it is, and why.</summary>
public sealed record AffectedMeeting(int MeetingId, string Who, DateTimeOffset Start, int? Table, string Why);

/// <summary>
/// What an edit does to placed meetings. Meetings whose start, end and table still exist keep them (only their slot
/// number follows the new plan); the others are listed for staff, who re-plan them or keep the old sessions.
/// </summary>
public sealed class EventEdits(CityBridgeDb db, TimeProvider clock, EventScheduling scheduling)
{
    public async Task<List<AffectedMeeting>> AffectedAsync(MatchmakingEvent current, EventInput input, CancellationToken ct)
    {
        var (_, affected) = await PlanAsync(current, input, ct);
        return affected;
    }

    /// <summary>
    /// Moves kept meetings to their slot's new number and takes the affected ones out of the schedule (higher
    /// calendar SEQUENCE) for <see cref="ReplanAsync"/> to place again. Call before saving the edit.
    /// </summary>
    public async Task<List<AffectedMeeting>> ApplyAsync(MatchmakingEvent current, EventInput input, CancellationToken ct)
    {
        var (remap, affected) = await PlanAsync(current, input, ct);
        var ids = remap.Keys.Concat(affected.Select(a => a.MeetingId)).ToList();
        var meetings = await db.EventMeetings.Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var meeting in meetings)
        {
            if (remap.TryGetValue(meeting.Id, out var index))
            {
                meeting.SlotIndex = index;
            }
            else
            {
                meeting.SlotIndex = null;
                meeting.Table = null;
                meeting.Pinned = false;
                meeting.Revise(now);
            }
        }

        return affected;
    }

    /// <summary>
    /// After the edit is saved: queues a scheduler run in repair mode for a published event, so the meetings taken out
    /// are placed again, the others keep their slot and table unless moving one is the only way to fit more weight
    /// (the fewest move), and only the people of moved meetings are e-mailed. False when a run is already active.
    /// </summary>
    public Task<bool> ReplanAsync(MatchmakingEvent e, CancellationToken ct) =>
        e.SchedulePublished ? scheduling.TryStartAsync(db, e.Id, ReplanTimeLimit, allowMoves: true, ct) : Task.FromResult(false);

    /// <summary>The time budget of the repair run an edit starts.</summary>
    public static readonly TimeSpan ReplanTimeLimit = TimeSpan.FromSeconds(10);

    private async Task<(Dictionary<int, int> Remap, List<AffectedMeeting> Affected)> PlanAsync(MatchmakingEvent current, EventInput input, CancellationToken ct)
    {
        var before = EventWorkflow.Slots(current);
        var after = EventWorkflow.Slots(new MatchmakingEvent
        {
            Name = input.Name,
            TimeZone = input.TimeZone,
            SlotMinutes = input.SlotMinutes,
            BreakMinutes = input.BreakMinutes,
            Sessions = [.. input.Sessions.Select(s => new EventSession { Name = s.Name!, Date = s.Date!.Value, Start = s.Start!.Value, End = s.End!.Value })],
        });
        var byTime = after.ToDictionary(s => (s.Start, s.End), s => s.Index);
        var placed = await db.EventMeetings.AsNoTracking().Where(m => m.EventId == current.Id && !m.Cancelled && m.SlotIndex != null).ToListAsync(ct);
        var names = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == current.Id).ToDictionaryAsync(r => r.Id, EventWorkflow.Label, ct);
        var remap = new Dictionary<int, int>();
        var affected = new List<AffectedMeeting>();
        foreach (var m in placed.Where(m => m.SlotIndex < before.Count))
        {
            var slot = before[m.SlotIndex!.Value];
            string? why = null;
            if (!byTime.TryGetValue((slot.Start, slot.End), out var index))
            {
                why = "its time is no longer a meeting slot of the event";
            }
            else if (m.Table > input.Tables)
            {
                why = $"table {m.Table} no longer exists ({input.Tables} tables)";
            }

            if (why is null)
            {
                remap[m.Id] = index;
            }
            else
            {
                affected.Add(new AffectedMeeting(m.Id, $"{names[m.FirstRegistrationId]} — {names[m.SecondRegistrationId]}", slot.Start.ToDateTimeOffset(), m.Table, why));
            }
        }

        return (remap, [.. affected.OrderBy(a => a.Start)]);
    }
}
