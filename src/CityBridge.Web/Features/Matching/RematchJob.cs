using CityBridge.Web.Features.Jobs;

namespace CityBridge.Web.Features.Matching;

/// <summary>
/// A full re-match as a durable job: any instance may run it; the owner stores the projects in id order and records the
/// last one stored, so if its instance dies another takes the job over when the lease runs out and resumes after it.
/// </summary>
public sealed class RematchJob : ILeasedJob
{
    public int Id { get; set; }

    public string State { get; set; } = JobState.Queued;

    public string? Owner { get; set; }

    public long LeaseUntilMs { get; set; }

    public bool StopRequested { get; set; }

    public int Attempts { get; set; }

    /// <summary>What the owner does now: waiting, embedding, matching, done or failed.</summary>
    public string Phase { get; set; } = "waiting";

    public int Done { get; set; }

    public int Total { get; set; }

    /// <summary>Projects up to this id have their new lists stored; a takeover resumes after it.</summary>
    public int ResumeAfterProjectId { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsActive => State is JobState.Queued or JobState.Running or JobState.Stopping;
}
