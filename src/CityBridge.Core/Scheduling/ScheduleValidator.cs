namespace CityBridge.Core.Scheduling;

/// <summary>
/// Checks any schedule against its event, independently of the solvers, and lists every violation in plain words.
/// </summary>
public static class ScheduleValidator
{
    public static IReadOnlyList<string> Validate(SchedulingProblem problem, IReadOnlyList<Assignment> scheduled, long? reportedWeight = null, int? reportedIdleGaps = null)
    {
        var violations = new List<string>();
        var slots = problem.Slots.ToDictionary(s => s.Id);
        var participants = problem.Participants.ToDictionary(p => p.Id);
        var meetings = problem.Meetings.ToDictionary(m => m.Id);
        var locations = problem.Locations?.ToHashSet() ?? [];
        var known = new List<Assignment>();

        foreach (var group in scheduled.GroupBy(a => a.Meeting).Where(g => g.Count() > 1))
        {
            violations.Add($"Meeting '{group.Key}' is scheduled {group.Count()} times.");
        }

        foreach (var a in scheduled)
        {
            if (!meetings.TryGetValue(a.Meeting, out var meeting))
            {
                violations.Add($"Meeting '{a.Meeting}' is not in the event.");
                continue;
            }

            if (!slots.ContainsKey(a.Slot))
            {
                violations.Add($"Meeting '{a.Meeting}' is in slot '{a.Slot}', which is not in the event.");
                continue;
            }

            known.Add(a);
            if (meeting.AllowedSlots is not null && !meeting.AllowedSlots.Contains(a.Slot))
            {
                violations.Add($"Meeting '{a.Meeting}' is in slot '{a.Slot}', which it does not allow.");
            }

            foreach (var participant in meeting.Participants)
            {
                if (participants.TryGetValue(participant, out var p) && !p.IsAvailable(a.Slot))
                {
                    violations.Add($"Participant '{participant}' is not available in slot '{a.Slot}' (meeting '{a.Meeting}').");
                }

                if (problem.HasLocations && p?.Location is { } own && a.Location != own)
                {
                    violations.Add($"Meeting '{a.Meeting}' is at '{a.Location}', but participant '{participant}' meets only at their own table '{own}'.");
                }
            }

            if (problem.HasLocations)
            {
                if (a.Location is null)
                {
                    violations.Add($"Meeting '{a.Meeting}' has no location, but the event has tables.");
                }
                else if (!locations.Contains(a.Location))
                {
                    violations.Add($"Meeting '{a.Meeting}' is at '{a.Location}', which is not a location of the event.");
                }
            }
            else if (a.Location is not null)
            {
                violations.Add($"Meeting '{a.Meeting}' has location '{a.Location}', but the event has no locations.");
            }

            if (meeting.Fixed is { } place && (place.Slot != a.Slot || (place.Location is not null && place.Location != a.Location)))
            {
                violations.Add($"Meeting '{a.Meeting}' is fixed at slot '{place.Slot}'{(place.Location is null ? "" : $", location '{place.Location}'")} but was moved to slot '{a.Slot}'{(a.Location is null ? "" : $", location '{a.Location}'")}.");
            }
        }

        foreach (var clash in known.SelectMany(a => meetings[a.Meeting].Participants.Select(p => (Participant: p, a.Slot, a.Meeting)))
                     .GroupBy(x => (x.Participant, x.Slot)).Where(g => g.Count() > 1))
        {
            violations.Add($"Participant '{clash.Key.Participant}' is double-booked in slot '{clash.Key.Slot}': {string.Join(", ", clash.Select(c => $"'{c.Meeting}'"))}.");
        }

        foreach (var clash in known.Where(a => a.Location is not null).GroupBy(a => (a.Location, a.Slot)).Where(g => g.Count() > 1))
        {
            violations.Add($"Location '{clash.Key.Location}' is used twice in slot '{clash.Key.Slot}': {string.Join(", ", clash.Select(c => $"'{c.Meeting}'"))}.");
        }

        var placed = scheduled.Select(a => a.Meeting).ToHashSet();
        foreach (var meeting in problem.Meetings.Where(m => (m.Required || m.Fixed is not null) && !placed.Contains(m.Id)))
        {
            violations.Add($"{(meeting.Required ? "Required" : "Fixed")} meeting '{meeting.Id}' is not scheduled.");
        }

        var weight = known.Select(a => a.Meeting).Distinct().Sum(m => (long)meetings[m].Weight);
        if (reportedWeight is { } w && w != weight)
        {
            violations.Add($"The reported scheduled weight {w} differs from the schedule's {weight}.");
        }

        if (reportedIdleGaps is { } g && g != IdleGapCounter.Count(problem, known))
        {
            violations.Add($"The reported idle gaps {g} differ from the schedule's {IdleGapCounter.Count(problem, known)}.");
        }

        return violations;
    }
}
