using CityBridge.Web.Features.Jobs;

namespace CityBridge.Web.Features.Events;

/// <summary>
/// A scheduler run as a durable job: any instance may pick it up, the one holding the lease runs it and writes its
/// progress here, and if that instance dies the lease runs out and another instance runs it again.
/// </summary>
public sealed class SchedulingJob : ILeasedJob
{
    public const string Queued = JobState.Queued, Running = JobState.Running, Stopping = JobState.Stopping, Finished = JobState.Finished, Failed = JobState.Failed;

    public int Id { get; set; }

    public int EventId { get; set; }

    public double TimeLimitSeconds { get; set; }

    public bool AllowMoves { get; set; }

    public string State { get; set; } = Queued;

    public string? Owner { get; set; }

    public long LeaseUntilMs { get; set; }

    public bool StopRequested { get; set; }

    public int Attempts { get; set; }

    public long BestWeight { get; set; }

    public long UpperBound { get; set; }

    public double Gap { get; set; } = 1;

    public double Seconds { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsActive => State is Queued or Running or Stopping;

    public SchedulingRun ToRun() => new(EventId, State, BestWeight, UpperBound, Gap, Seconds, Message, CreatedAt);
}
