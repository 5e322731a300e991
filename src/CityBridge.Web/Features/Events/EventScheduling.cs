using System.Collections.Concurrent;
using System.Globalization;
using CityBridge.Core.Scheduling;
using CityBridge.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>A scheduler run as staff follow it: best weight so far, the proven bound, the gap, and how it ended.</summary>
public sealed record SchedulingRun(int EventId, string State, long BestWeight, long UpperBound, double Gap, double Seconds, string? Message, DateTimeOffset StartedAt);

/// <summary>
/// Runs the CP-SAT meeting scheduler for an event in the background, one run per event, with live progress and a
/// stop that keeps the best schedule found. Runs live in this instance (see docs/events.md for what that means
/// with several instances).
/// </summary>
public sealed class EventScheduling(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EventScheduling> logger)
{
    private readonly ConcurrentDictionary<int, (SchedulingRun Run, CancellationTokenSource Stop)> runs = new();

    public SchedulingRun? RunOf(int eventId) => runs.TryGetValue(eventId, out var r) ? r.Run : null;

    /// <summary>Starts a run unless one is going; false when one is.</summary>
    public bool TryStart(int eventId, TimeSpan timeLimit, bool allowMoves)
    {
        var stop = new CancellationTokenSource();
        var run = new SchedulingRun(eventId, "running", 0, 0, 1, 0, "Building the model", clock.GetUtcNow());
        if (runs.TryGetValue(eventId, out var existing) && existing.Run.State is "running" or "stopping")
        {
            return false;
        }

        runs[eventId] = (run, stop);
        _ = Task.Run(() => RunAsync(eventId, timeLimit, allowMoves, stop));
        return true;
    }

    public bool Stop(int eventId)
    {
        if (runs.TryGetValue(eventId, out var r) && r.Run.State == "running")
        {
            runs[eventId] = (r.Run with { State = "stopping" }, r.Stop);
            r.Stop.Cancel();
            return true;
        }

        return false;
    }

    private void Update(int eventId, Func<SchedulingRun, SchedulingRun> change)
    {
        if (runs.TryGetValue(eventId, out var r))
        {
            runs[eventId] = (change(r.Run), r.Stop);
        }
    }

    private async Task RunAsync(int eventId, TimeSpan timeLimit, bool allowMoves, CancellationTokenSource stop)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
            var e = await db.Events.AsNoTracking().Include(x => x.Sessions).SingleAsync(x => x.Id == eventId);
            var slots = EventWorkflow.Slots(e);
            var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync();
            var meetings = await db.EventMeetings.Where(m => m.EventId == eventId && !m.Cancelled).ToListAsync();
            var problem = ToProblem(e, slots, registrations, meetings, allowMoves);
            var options = new SchedulerOptions
            {
                TimeLimit = timeLimit,
                Progress = p => Update(eventId, r => r with { BestWeight = p.BestWeight, UpperBound = p.UpperBoundWeight, Gap = p.Gap, Seconds = p.ElapsedSeconds, Message = "Searching" }),
            };
            var result = await Task.Run(() => MeetingScheduler.Schedule(problem, options, stop.Token));
            if (result.Status is ScheduleStatus.Infeasible or ScheduleStatus.Unknown)
            {
                var why = result.Status == ScheduleStatus.Infeasible ? $"Infeasible: {result.InfeasibleReason}" : "No schedule found in the time limit; try a longer one.";
                await SaveSummaryAsync(db, eventId, why);
                Update(eventId, r => r with { State = "failed", Message = why, Seconds = result.SolveSeconds });
                return;
            }

            var placed = result.Scheduled.ToDictionary(a => a.Meeting);
            foreach (var meeting in meetings)
            {
                if (placed.TryGetValue($"m{meeting.Id}", out var a))
                {
                    meeting.SlotIndex = int.Parse(a.Slot[1..], CultureInfo.InvariantCulture);
                    meeting.Table = a.Location is null ? null : int.Parse(a.Location[1..], CultureInfo.InvariantCulture);
                }
                else
                {
                    meeting.SlotIndex = null;
                    meeting.Table = null;
                }
            }

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{(result.Status == ScheduleStatus.Optimal ? "Optimal" : "Feasible")}: {result.Scheduled.Count} of {meetings.Count} meetings placed, weight {result.ScheduledWeight} of a proven bound of {result.UpperBoundWeight} (gap {result.Gap:P1}), {result.IdleGaps} idle gaps, {result.SolveSeconds:0.0} s{(stop.IsCancellationRequested ? ", stopped by staff" : "")}.");
            await db.SaveChangesAsync();
            await SaveSummaryAsync(db, eventId, summary);
            Update(eventId, r => r with { State = "finished", BestWeight = result.ScheduledWeight, UpperBound = result.UpperBoundWeight, Gap = result.Gap, Seconds = result.SolveSeconds, Message = summary });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Scheduling event {EventId} failed", eventId);
            Update(eventId, r => r with { State = "failed", Message = "The scheduler failed: " + ex.Message });
        }
        finally
        {
            stop.Dispose();
        }
    }

    private static async Task SaveSummaryAsync(CityBridgeDb db, int eventId, string summary)
    {
        var e = await db.Events.SingleAsync(x => x.Id == eventId);
        e.LastRunSummary = summary;
        await db.SaveChangesAsync();
    }

    /// <summary>The event as a scheduling problem: slots s{index}, tables t{n}, participants r{id}, meetings m{id}.</summary>
    public static ScheduleProblem ToProblem(MatchmakingEvent e, IReadOnlyList<Core.Events.PlannedSlot> slots, IReadOnlyList<EventRegistration> registrations, IReadOnlyList<EventMeeting> meetings, bool allowMoves)
    {
        var sessionNames = e.Sessions.ToDictionary(s => s.Id, s => s.Name);
        var slotList = slots.Select(s => new Slot($"s{s.Index}", s.Start.ToDateTimeOffset(), s.End.ToDateTimeOffset(), s.Session)).ToList();
        var participants = registrations.Select(r => new Participant(
            $"r{r.Id}",
            r.AvailableSessionIds.Count == 0 ? null : slots.Where(s => r.AvailableSessionIds.Any(id => sessionNames.GetValueOrDefault(id) == s.Session)).Select(s => $"s{s.Index}").ToList())).ToList();
        var tables = Enumerable.Range(1, Math.Max(1, e.Tables)).Select(n => new Location($"t{n}")).ToList();
        var problemMeetings = meetings.Select(m =>
        {
            // Pinned meetings stay; published ones too unless staff allow moves.
            var keep = m.SlotIndex is { } i && i < slots.Count && (m.Pinned || (e.SchedulePublished && !allowMoves));
            return new Meeting($"m{m.Id}", [$"r{m.FirstRegistrationId}", $"r{m.SecondRegistrationId}"], m.Weight, Required: false, AllowedSlots: null,
                keep ? new FixedPlacement($"s{m.SlotIndex}", m.Table is { } t && t <= tables.Count ? $"t{t}" : null) : null);
        }).ToList();
        return new ScheduleProblem(slotList, tables, participants, problemMeetings);
    }
}
