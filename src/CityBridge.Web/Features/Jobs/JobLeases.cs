using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Jobs;

/// <summary>The states of a durable job row.</summary>
public static class JobState
{
    public const string Queued = "queued", Running = "running", Stopping = "stopping", Finished = "finished", Failed = "failed";
}

/// <summary>A durable background job: a row any instance may claim, that one instance at a time runs under a lease.</summary>
public interface ILeasedJob
{
    int Id { get; }

    string State { get; set; }

    /// <summary>The instance running the job.</summary>
    string? Owner { get; set; }

    /// <summary>Lease end in Unix milliseconds (a number, so SQLite and PostgreSQL compare it the same way).</summary>
    long LeaseUntilMs { get; set; }

    bool StopRequested { get; set; }

    int Attempts { get; set; }
}

/// <summary>
/// The lease protocol of every durable job kind (scheduler runs, full re-matches): an instance claims a queued job, or
/// one whose lease ran out because its instance died, with a conditional update only one instance can win; it renews
/// the lease every second while it works and writes to the row only while it still owns it.
/// </summary>
public sealed class JobLeases(TimeProvider clock)
{
    /// <summary>How long a lease lasts without renewal; the owner renews it every <see cref="Poll"/>.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>This instance's name in job rows: machine, process id and a random suffix.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The lease end of a claim or renewal made now.</summary>
    public long LeaseEndMs => NowMs + (long)Lease.TotalMilliseconds;

    /// <summary>Takes a queued job or one whose lease ran out; null when there is none or another instance won every one.</summary>
    public async Task<TJob?> ClaimAsync<TJob>(DbSet<TJob> jobs, CancellationToken ct)
        where TJob : class, ILeasedJob
    {
        var now = NowMs;
        var candidates = await jobs.AsNoTracking()
            .Where(j => j.State == JobState.Queued || ((j.State == JobState.Running || j.State == JobState.Stopping) && j.LeaseUntilMs < now))
            .OrderBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var claimed = await jobs
                .Where(j => j.Id == id && (j.State == JobState.Queued || ((j.State == JobState.Running || j.State == JobState.Stopping) && j.LeaseUntilMs < now)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.Owner, InstanceId)
                    .SetProperty(j => j.LeaseUntilMs, now + (long)Lease.TotalMilliseconds)
                    .SetProperty(j => j.State, j => j.StopRequested ? JobState.Stopping : JobState.Running)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (claimed == 1)
            {
                return await jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
            }
        }

        return null;
    }

    /// <summary>The job row, only while this instance owns it: updates through it do nothing once another instance took over.</summary>
    public IQueryable<TJob> Owned<TJob>(DbSet<TJob> jobs, int jobId)
        where TJob : class, ILeasedJob =>
        jobs.Where(j => j.Id == jobId && j.Owner == InstanceId);

    /// <summary>
    /// Until <paramref name="stop"/> is cancelled, calls <paramref name="beat"/> every second (it renews the lease and publishes
    /// progress); when a beat answers true (stop requested, lease lost) the work is asked to stop through <paramref name="stop"/>.
    /// </summary>
    public Task HeartbeatAsync(Func<Task<bool>> beat, CancellationTokenSource stop, ILogger logger, int jobId) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(Poll, clock, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            try
            {
                if (await beat())
                {
                    await stop.CancelAsync();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not renew the lease of job {JobId}", jobId);
            }
        }
    }, CancellationToken.None);
}
