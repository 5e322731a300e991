using System.Globalization;
using CityBridge.Core.Scheduling;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>A scheduler run as staff follow it: best weight so far, the proven bound, the gap, and how it ended.</summary>
public sealed record SchedulingRun(int EventId, string State, long BestWeight, long UpperBound, double Gap, double Seconds, string? Message, DateTimeOffset StartedAt);

/// <summary>
/// Runs the CP-SAT meeting scheduler for events as durable jobs in the database: one active run per event, progress
/// and stop requests go through the job row, so any instance shows and stops a run, and a run whose instance died is
/// taken over by another once its lease runs out (it starts again from the stored schedule).
/// </summary>
public sealed class EventScheduling(IServiceScopeFactory scopes, JobLeases leases, TimeProvider clock, Telemetry.CityBridgeMetrics metrics, ILogger<EventScheduling> logger) : BackgroundService
{

    public async Task<SchedulingRun?> RunOfAsync(CityBridgeDb db, int eventId, CancellationToken ct) =>
        (await db.SchedulingJobs.AsNoTracking().Where(j => j.EventId == eventId).OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct))?.ToRun();

    /// <summary>Queues a run unless one is queued or running for the event; false when one is.</summary>
    public async Task<bool> TryStartAsync(CityBridgeDb db, int eventId, TimeSpan timeLimit, bool allowMoves, CancellationToken ct)
    {
        var now = leases.NowMs;
        if (await db.SchedulingJobs.AnyAsync(j => j.EventId == eventId && (j.State == SchedulingJob.Queued || ((j.State == SchedulingJob.Running || j.State == SchedulingJob.Stopping) && j.LeaseUntilMs > now)), ct))
        {
            return false;
        }

        // A run whose instance died without finishing is closed here, so the new one is the only active run.
        await db.SchedulingJobs.Where(j => j.EventId == eventId && (j.State == SchedulingJob.Running || j.State == SchedulingJob.Stopping))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.State, SchedulingJob.Failed).SetProperty(j => j.Message, "Superseded by a new run after its instance stopped."), ct);
        db.SchedulingJobs.Add(new SchedulingJob
        {
            EventId = eventId,
            TimeLimitSeconds = timeLimit.TotalSeconds,
            AllowMoves = allowMoves,
            Message = "Waiting for a worker",
            CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance queued a run between the check and the insert: the unique index of active runs refused ours.
            db.ChangeTracker.Clear();
            return false;
        }

        return true;
    }

    /// <summary>Asks the running (or queued) job of the event to stop; its instance keeps the best schedule found.</summary>
    public async Task<bool> StopAsync(CityBridgeDb db, int eventId, CancellationToken ct) =>
        await db.SchedulingJobs.Where(j => j.EventId == eventId && (j.State == SchedulingJob.Queued || j.State == SchedulingJob.Running))
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.StopRequested, true).SetProperty(j => j.State, j => j.State == SchedulingJob.Running ? SchedulingJob.Stopping : j.State), ct) > 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } job)
                {
                    await RunAsync(job, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduling worker failed; retrying");
            }

            await Task.Delay(JobLeases.Poll, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<SchedulingJob?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await leases.ClaimAsync(scope.ServiceProvider.GetRequiredService<CityBridgeDb>().SchedulingJobs, ct);
    }

    private async Task RunAsync(SchedulingJob job, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        ScheduleProgress? latest = null;
        var message = job.Attempts > 1 ? $"Taken over (attempt {job.Attempts}); searching" : "Searching";
        // Every second: renew the lease, publish the progress, and see whether staff asked to stop.
        var heartbeat = leases.HeartbeatAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
            await WriteProgressAsync(db, job.Id, latest, null, message, leases.LeaseEndMs);
            return await db.SchedulingJobs.AsNoTracking().AnyAsync(j => j.Id == job.Id && j.StopRequested, CancellationToken.None);
        }, stop, logger, job.Id);

        string state;
        var started = clock.GetTimestamp();
        try
        {
            (state, message) = await ScheduleAsync(job, p => latest = p, stop.Token);
            metrics.SchedulerRunSeconds.Record(clock.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", state));
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Scheduling event {EventId} failed", job.EventId);
            (state, message) = (SchedulingJob.Failed, "The scheduler failed: " + ex.Message);
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeat;
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return; // the app is stopping: leave the lease to run out so another instance takes the job over
        }

        await using var scope = scopes.CreateAsyncScope();
        await WriteProgressAsync(scope.ServiceProvider.GetRequiredService<CityBridgeDb>(), job.Id, latest, state, message, null);
    }

    /// <summary>Writes progress (and the final state, or a renewed lease) to the job row, if this instance still owns it.</summary>
    private Task<int> WriteProgressAsync(CityBridgeDb db, int jobId, ScheduleProgress? p, string? state, string message, long? leaseUntilMs)
    {
        var best = p?.BestWeight;
        var bound = p?.UpperBoundWeight;
        var gap = p?.Gap;
        var seconds = p?.ElapsedSeconds;
        return leases.Owned(db.SchedulingJobs, jobId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.State, j => state ?? j.State)
                .SetProperty(j => j.LeaseUntilMs, j => leaseUntilMs ?? j.LeaseUntilMs)
                .SetProperty(j => j.BestWeight, j => best ?? j.BestWeight)
                .SetProperty(j => j.UpperBound, j => bound ?? j.UpperBound)
                .SetProperty(j => j.Gap, j => gap ?? j.Gap)
                .SetProperty(j => j.Seconds, j => seconds ?? j.Seconds)
                .SetProperty(j => j.Message, message), CancellationToken.None);
    }

    /// <summary>Solves the event and stores the placements; returns the job's final state and summary.</summary>
    private async Task<(string State, string Message)> ScheduleAsync(SchedulingJob job, Action<ScheduleProgress> progress, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Account.CurrentActor>().ActAsBackgroundJob($"scheduler run {job.Id}");
        var db = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
        var eventId = job.EventId;
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).SingleAsync(x => x.Id == eventId, CancellationToken.None);
        var slots = EventWorkflow.Slots(e);
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(CancellationToken.None);
        var meetings = await db.EventMeetings.Where(m => m.EventId == eventId && !m.Cancelled).ToListAsync(CancellationToken.None);
        var problem = ToProblem(e, slots, registrations, meetings, job.AllowMoves);
        if (e.SchedulePublished && job.AllowMoves)
        {
            // Repair mode: published meetings keep their place when they can; the fewest move, and only their people are told.
            problem = ScheduleRepair.WithPublished(problem, PublishedPlaces(slots.Count, e.Tables, meetings));
        }

        var options = new SchedulerOptions { TimeLimit = TimeSpan.FromSeconds(job.TimeLimitSeconds), Progress = progress };
        var result = await Task.Run(() => MeetingScheduler.Schedule(problem, options, stop), CancellationToken.None);
        progress(new ScheduleProgress(result.ScheduledWeight, result.UpperBoundWeight, result.Gap, result.SolveSeconds));
        if (result.Status is ScheduleStatus.Infeasible or ScheduleStatus.Unknown)
        {
            var why = result.Status == ScheduleStatus.Infeasible ? $"Infeasible: {result.InfeasibleReason}" : "No schedule found in the time limit; try a longer one.";
            await SaveSummaryAsync(db, eventId, why);
            return (SchedulingJob.Failed, why);
        }

        var placed = result.Scheduled.ToDictionary(a => a.Meeting);
        var now = clock.GetUtcNow();
        var moved = new List<EventMeeting>();
        foreach (var meeting in meetings)
        {
            var (slot, table) = placed.TryGetValue($"m{meeting.Id}", out var a) ? PlaceOf(a) : ((int?)null, (int?)null);
            if (slot == meeting.SlotIndex && table == meeting.Table)
            {
                continue;
            }

            // A meeting that had a place and moves (or loses it) gets a higher calendar SEQUENCE; a first placement does not.
            if (meeting.SlotIndex is not null)
            {
                meeting.Revise(now);
                moved.Add(meeting);
            }
            else if (meeting.Sequence > 0)
            {
                // Taken out by an edit of the event and placed again: the people must hear the new time.
                meeting.Revise(now);
                moved.Add(meeting);
            }
            else
            {
                meeting.ChangedAt = now;
            }

            meeting.SlotIndex = slot;
            meeting.Table = table;
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{(result.Status == ScheduleStatus.Optimal ? "Optimal" : "Feasible")}: {result.Scheduled.Count} of {meetings.Count} meetings placed, weight {result.ScheduledWeight} of a proven bound of {result.UpperBoundWeight} (gap {result.Gap:P1}), {result.IdleGaps} idle gaps, {result.SolveSeconds:0.0} s{(stop.IsCancellationRequested ? ", stopped by staff" : "")}.");
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Store only while this instance owns the run: a takeover claim waits for this row lock, or has won and nothing is stored.
        var until = leases.LeaseEndMs;
        if (await leases.Owned(db.SchedulingJobs, job.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseUntilMs, until), CancellationToken.None) == 0)
        {
            return (SchedulingJob.Failed, "Another instance took this run over; its schedule is the one kept.");
        }

        if (e.SchedulePublished)
        {
            // Only the people whose published meetings moved are told, in the transaction that moves them.
            await scope.ServiceProvider.GetRequiredService<My.MeetingNotices>().MeetingsMovedAsync(e, moved, CancellationToken.None);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await SaveSummaryAsync(db, eventId, summary);
        await transaction.CommitAsync(CancellationToken.None);
        return (SchedulingJob.Finished, summary);
    }

    /// <summary>The slot index and table of an assignment, from the names <see cref="ToProblem"/> gives them (s{index}, t{n}).</summary>
    public static (int? Slot, int? Table) PlaceOf(Assignment a) =>
        (int.Parse(a.Slot[1..], CultureInfo.InvariantCulture), a.Location is null ? null : int.Parse(a.Location[1..], CultureInfo.InvariantCulture));

    /// <summary>The places of the placed, unpinned meetings as the scheduler names them: what people were told.</summary>
    public static IEnumerable<Assignment> PublishedPlaces(int slotCount, int tables, IEnumerable<EventMeeting> meetings) =>
        meetings.Where(m => !m.Pinned && !m.Cancelled && m.SlotIndex is { } i && i < slotCount)
            .Select(m => new Assignment($"m{m.Id}", $"s{m.SlotIndex}", m.Table is { } t && t <= Math.Max(1, tables) ? $"t{t}" : null));

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
