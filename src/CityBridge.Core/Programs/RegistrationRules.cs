namespace CityBridge.Core.Programs;

/// <summary>A registration as the rules see it: who, where it stands, and since when it waits for a seat.</summary>
public sealed record Seat(int Id, string UserId, RegistrationStatus Status, DateTimeOffset AppliedAt, DateTimeOffset? WaitlistedAt = null);

/// <summary>One registration moving to a new status.</summary>
public sealed record StatusChange(int RegistrationId, RegistrationStatus To);

/// <summary>The changes an action causes, or why it is not possible.</summary>
public sealed record RegistrationDecision(IReadOnlyList<StatusChange> Changes, string? Refusal)
{
    public bool Refused => Refusal is not null;

    public static RegistrationDecision No(string refusal) => new([], refusal);

    public static RegistrationDecision Yes(params StatusChange[] changes) => new(changes, null);
}

/// <summary>
/// The registration state machine of a program with a fixed number of seats: approved and checked-in registrations
/// hold a seat; when none is free an approval goes to the waitlist, which is served first come, first served.
/// </summary>
public static class RegistrationRules
{
    public static bool HoldsSeat(RegistrationStatus status) => status is RegistrationStatus.Approved or RegistrationStatus.CheckedIn;

    public static int SeatsTaken(IEnumerable<Seat> seats) => seats.Count(s => HoldsSeat(s.Status));

    /// <summary>A person registers once; a cancelled registration may apply again.</summary>
    public static string? CanApply(IEnumerable<Seat> seats, string userId) =>
        seats.Any(s => s.UserId == userId && s.Status != RegistrationStatus.Cancelled) ? "You are already registered for this program." : null;

    /// <summary>Approve an application or a waiting registration: a free seat approves it, a full program puts it on the waitlist.</summary>
    public static RegistrationDecision Approve(IReadOnlyCollection<Seat> seats, int registrationId, int capacity)
    {
        var seat = Find(seats, registrationId);
        if (seat.Status is not (RegistrationStatus.Applied or RegistrationStatus.Waitlisted))
        {
            return RegistrationDecision.No($"Only an application or a waiting registration can be approved; this one is {Describe(seat.Status)}.");
        }

        if (SeatsTaken(seats) < capacity)
        {
            return RegistrationDecision.Yes(new StatusChange(seat.Id, RegistrationStatus.Approved));
        }

        return seat.Status == RegistrationStatus.Waitlisted
            ? RegistrationDecision.No($"All {capacity} seats are taken; the registration stays on the waitlist.")
            : RegistrationDecision.Yes(new StatusChange(seat.Id, RegistrationStatus.Waitlisted));
    }

    /// <summary>Staff put an application on the waitlist (an approved one gives its seat to the first waiting).</summary>
    public static RegistrationDecision Waitlist(IReadOnlyCollection<Seat> seats, int registrationId, int capacity)
    {
        var seat = Find(seats, registrationId);
        if (seat.Status is not (RegistrationStatus.Applied or RegistrationStatus.Approved))
        {
            return RegistrationDecision.No($"Only an application or an approved registration can be put on the waitlist; this one is {Describe(seat.Status)}.");
        }

        var changes = new List<StatusChange> { new(seat.Id, RegistrationStatus.Waitlisted) };
        if (seat.Status == RegistrationStatus.Approved)
        {
            changes.AddRange(Promote(seats.Where(s => s.Id != seat.Id), capacity, freed: 1));
        }

        return new RegistrationDecision(changes, null);
    }

    /// <summary>Cancel a registration; a freed seat goes to the registration that has waited longest.</summary>
    public static RegistrationDecision Cancel(IReadOnlyCollection<Seat> seats, int registrationId, int capacity)
    {
        var seat = Find(seats, registrationId);
        if (seat.Status is RegistrationStatus.Cancelled or RegistrationStatus.CheckedIn)
        {
            return RegistrationDecision.No($"A registration that is {Describe(seat.Status)} cannot be cancelled.");
        }

        var changes = new List<StatusChange> { new(seat.Id, RegistrationStatus.Cancelled) };
        if (seat.Status == RegistrationStatus.Approved)
        {
            changes.AddRange(Promote(seats.Where(s => s.Id != seat.Id), capacity, freed: 1));
        }

        return new RegistrationDecision(changes, null);
    }

    /// <summary>Check in on the day: only an approved participant has a seat to take.</summary>
    public static RegistrationDecision CheckIn(IReadOnlyCollection<Seat> seats, int registrationId)
    {
        var seat = Find(seats, registrationId);
        return seat.Status == RegistrationStatus.Approved
            ? RegistrationDecision.Yes(new StatusChange(seat.Id, RegistrationStatus.CheckedIn))
            : RegistrationDecision.No($"Only approved participants check in; this registration is {Describe(seat.Status)}.");
    }

    /// <summary>The waitlist in the order it is served: longest waiting first, ties by registration.</summary>
    public static IEnumerable<Seat> WaitlistOrder(IEnumerable<Seat> seats) =>
        seats.Where(s => s.Status == RegistrationStatus.Waitlisted).OrderBy(s => s.WaitlistedAt ?? s.AppliedAt).ThenBy(s => s.AppliedAt).ThenBy(s => s.Id);

    private static IEnumerable<StatusChange> Promote(IEnumerable<Seat> others, int capacity, int freed)
    {
        var list = others.ToList();
        var free = capacity - SeatsTaken(list);
        return WaitlistOrder(list).Take(Math.Min(free, freed)).Select(s => new StatusChange(s.Id, RegistrationStatus.Approved));
    }

    private static Seat Find(IEnumerable<Seat> seats, int registrationId) =>
        seats.FirstOrDefault(s => s.Id == registrationId) ?? throw new ArgumentException($"Registration {registrationId} is not one of the program's.", nameof(registrationId));

    private static string Describe(RegistrationStatus status) => status switch
    {
        RegistrationStatus.CheckedIn => "checked in",
        _ => status.ToString().ToLowerInvariant(),
    };
}
