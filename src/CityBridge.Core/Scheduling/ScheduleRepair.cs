namespace CityBridge.Core.Scheduling;

/// <summary>
/// Re-planning a published schedule on the day (repair mode of schedule-v1): people cancel, do not show, new requests
/// are accepted or availability changes. Meetings that can keep their published place do, new weight is maximised and
/// the fewest meetings move; order: required and fixed meetings placed, maximum weight, fewest moved, fewest idle gaps.
/// </summary>
/// <example>
/// <code>
/// var edited = problem with { Meetings = ... };                // the event as it is now
/// var result = ScheduleRepair.Repair(edited, published);        // published: the assignments people were told
/// notify(ScheduleRepair.AffectedParticipants(edited, result));  // only those whose meetings moved
/// </code>
/// </example>
public static class ScheduleRepair
{
    /// <summary>
    /// The problem with each meeting's published assignment set as its <see cref="Meeting.Current"/> place. Meetings not
    /// in <paramref name="published"/> (new requests) get none; a meeting that is already <see cref="Meeting.Fixed"/> keeps
    /// its pin. Assignments naming meetings that no longer exist are ignored.
    /// </summary>
    public static ScheduleProblem WithPublished(ScheduleProblem problem, IEnumerable<Assignment> published)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(published);
        var places = new Dictionary<string, Assignment>();
        foreach (var assignment in published)
        {
            places.TryAdd(assignment.Meeting, assignment);
        }

        var meetings = problem.Meetings
            .Select(m => places.TryGetValue(m.Id, out var a) ? m with { Current = new CurrentPlacement(a.Slot, a.Location) } : m with { Current = null })
            .ToList();
        return problem with { Meetings = meetings };
    }

    /// <summary>Re-plans <paramref name="problem"/> around the <paramref name="published"/> schedule; the result lists the moved meetings.</summary>
    public static ScheduleResult Repair(
        ScheduleProblem problem,
        IEnumerable<Assignment> published,
        SchedulerOptions? options = null,
        CancellationToken cancellationToken = default) =>
        MeetingScheduler.Schedule(WithPublished(problem, published), options, cancellationToken);

    /// <summary>
    /// The participants of the moved meetings (moved to another slot or table, or dropped), each once, in input order:
    /// the people to notify. Participants whose meetings all kept their place are not listed.
    /// </summary>
    public static IReadOnlyList<string> AffectedParticipants(ScheduleProblem problem, ScheduleResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var moved = result.Moved.ToHashSet();
        var affected = problem.Meetings.Where(m => moved.Contains(m.Id)).SelectMany(m => m.Participants).ToHashSet();
        return problem.Participants.Select(p => p.Id).Where(affected.Contains).ToList();
    }
}
