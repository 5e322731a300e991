namespace CityBridge.Core.Scheduling;

/// <summary>
/// Independent checker of a schedule against its problem: lists every violation in plain words.
/// It deliberately shares nothing with the solvers beyond the model, so a solver bug cannot hide itself.
/// </summary>
public static class ScheduleValidator
{
    /// <summary>Every rule of schedule-v1 the schedule breaks; empty when the schedule is valid.</summary>
    public static IReadOnlyList<string> Validate(ScheduleProblem problem, ScheduleResult schedule) =>
        Validate(problem, schedule.Scheduled, schedule.Unscheduled, schedule.ScheduledWeight, schedule.IdleGaps);

    /// <summary>Every rule broken by the assignments and by the reported weight and idle gaps (null skips a check).</summary>
    public static IReadOnlyList<string> Validate(
        ScheduleProblem problem,
        IReadOnlyList<Assignment> scheduled,
        IReadOnlyList<string>? unscheduled = null,
        long? reportedWeight = null,
        int? reportedIdleGaps = null)
    {
        var violations = new List<string>();
        var slots = problem.Slots.ToDictionary(s => s.Id);
        var locations = problem.Locations.Select(l => l.Id).ToHashSet();
        var participants = problem.Participants.ToDictionary(p => p.Id);
        var meetings = problem.Meetings.ToDictionary(m => m.Id);

        CheckSessions(problem, violations);
        var placed = new Dictionary<string, Assignment>();
        var participantSlot = new Dictionary<(string Participant, string Slot), string>();
        var locationSlot = new Dictionary<(string Location, string Slot), string>();
        var validAssignments = new List<Assignment>();

        foreach (var a in scheduled)
        {
            if (!meetings.TryGetValue(a.Meeting, out var meeting))
            {
                violations.Add($"scheduled meeting '{a.Meeting}' does not exist");
                continue;
            }

            if (!slots.ContainsKey(a.Slot))
            {
                violations.Add($"meeting '{a.Meeting}' is placed in unknown slot '{a.Slot}'");
                continue;
            }

            if (!placed.TryAdd(a.Meeting, a))
            {
                violations.Add($"meeting '{a.Meeting}' is scheduled more than once");
                continue;
            }

            validAssignments.Add(a);
            CheckLocation(problem, locations, locationSlot, a, violations);

            if (meeting.AllowedSlots is { } allowed && !allowed.Contains(a.Slot))
            {
                violations.Add($"meeting '{a.Meeting}' is in slot '{a.Slot}', which is not among its allowed slots");
            }

            if (meeting.Fixed is { } pinned && (pinned.Slot != a.Slot || (pinned.Location is not null && pinned.Location != a.Location)))
            {
                violations.Add($"fixed meeting '{a.Meeting}' was moved from slot '{pinned.Slot}'{(pinned.Location is null ? "" : $" at '{pinned.Location}'")} to slot '{a.Slot}'{(a.Location is null ? "" : $" at '{a.Location}'")}");
            }

            foreach (var id in meeting.Participants)
            {
                if (!participants.TryGetValue(id, out var participant))
                {
                    violations.Add($"meeting '{a.Meeting}' names unknown participant '{id}'");
                    continue;
                }

                if (!participantSlot.TryAdd((id, a.Slot), a.Meeting))
                {
                    violations.Add($"participant '{id}' is double-booked in slot '{a.Slot}' (meetings '{participantSlot[(id, a.Slot)]}' and '{a.Meeting}')");
                }

                if (participant.AvailableSlots is { } available && !available.Contains(a.Slot))
                {
                    violations.Add($"participant '{id}' is not available in slot '{a.Slot}' (meeting '{a.Meeting}')");
                }

                if (participant.Location is { } ownTable && a.Location != ownTable)
                {
                    violations.Add($"participant '{id}' has its own table '{ownTable}' but meeting '{a.Meeting}' is at '{a.Location ?? "no location"}'");
                }
            }
        }

        foreach (var meeting in problem.Meetings)
        {
            if (!placed.ContainsKey(meeting.Id) && (meeting.Required || meeting.Fixed is not null))
            {
                violations.Add($"{(meeting.Required ? "required" : "fixed")} meeting '{meeting.Id}' is not scheduled");
            }
        }

        if (unscheduled is not null)
        {
            CheckUnscheduledList(meetings, placed, unscheduled, violations);
        }

        var weight = validAssignments.Sum(a => (long)meetings[a.Meeting].Weight);
        if (reportedWeight is { } w && w != weight)
        {
            violations.Add($"reported scheduledWeight {w} does not match the actual weight {weight}");
        }

        var gaps = IdleGapCounter.Count(problem, validAssignments);
        if (reportedIdleGaps is { } g && g != gaps)
        {
            violations.Add($"reported idleGaps {g} does not match the actual idle gaps {gaps}");
        }

        return violations;
    }

    /// <summary>Idle gaps are only defined when every session is one unbroken run of slots in slot order.</summary>
    private static void CheckSessions(ScheduleProblem problem, List<string> violations)
    {
        var closed = new HashSet<string>();
        for (var i = 1; i < problem.Slots.Count; i++)
        {
            var (before, slot) = (problem.Slots[i - 1], problem.Slots[i]);
            if (slot.Session == before.Session)
            {
                continue;
            }

            closed.Add(before.Session);
            if (closed.Contains(slot.Session))
            {
                violations.Add($"the slots of session '{slot.Session}' are not consecutive: slot '{before.Id}' of session '{before.Session}' comes between them");
            }
        }
    }

    private static void CheckLocation(
        ScheduleProblem problem,
        HashSet<string> locations,
        Dictionary<(string Location, string Slot), string> locationSlot,
        Assignment a,
        List<string> violations)
    {
        if (!problem.HasLocations)
        {
            if (a.Location is not null)
            {
                violations.Add($"meeting '{a.Meeting}' has location '{a.Location}' but the event has no locations");
            }

            return;
        }

        if (a.Location is null)
        {
            violations.Add($"meeting '{a.Meeting}' has no location although the event has locations");
        }
        else if (!locations.Contains(a.Location))
        {
            violations.Add($"meeting '{a.Meeting}' is at unknown location '{a.Location}'");
        }
        else if (!locationSlot.TryAdd((a.Location, a.Slot), a.Meeting))
        {
            violations.Add($"location '{a.Location}' is used twice in slot '{a.Slot}' (meetings '{locationSlot[(a.Location, a.Slot)]}' and '{a.Meeting}')");
        }
    }

    private static void CheckUnscheduledList(
        Dictionary<string, Meeting> meetings,
        Dictionary<string, Assignment> placed,
        IReadOnlyList<string> unscheduled,
        List<string> violations)
    {
        var listed = new HashSet<string>();
        foreach (var id in unscheduled)
        {
            if (!meetings.ContainsKey(id))
            {
                violations.Add($"unscheduled meeting '{id}' does not exist");
            }
            else if (placed.ContainsKey(id))
            {
                violations.Add($"meeting '{id}' is listed as unscheduled but is scheduled");
            }
            else if (!listed.Add(id))
            {
                violations.Add($"meeting '{id}' is listed as unscheduled more than once");
            }
        }

        foreach (var id in meetings.Keys.Where(id => !placed.ContainsKey(id) && !listed.Contains(id)))
        {
            violations.Add($"meeting '{id}' is neither scheduled nor listed as unscheduled");
        }
    }
}
