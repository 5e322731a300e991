using CityBridge.Core.Programs;

namespace CityBridge.Core.Tests.Programs;

public sealed class RegistrationRulesTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);

    private static Seat S(int id, RegistrationStatus status, int minute = 0, int? waitlistedMinute = null) =>
        new(id, $"user-{id}", status, T0.AddMinutes(minute), waitlistedMinute is { } w ? T0.AddMinutes(w) : null);

    [Fact]
    public void An_application_is_approved_while_seats_are_free()
    {
        var seats = new[] { S(1, RegistrationStatus.Approved), S(2, RegistrationStatus.Applied) };

        var decision = RegistrationRules.Approve(seats, 2, capacity: 2);

        Assert.Equal([new StatusChange(2, RegistrationStatus.Approved)], decision.Changes);
    }

    [Fact]
    public void Approving_when_every_seat_is_taken_puts_the_application_on_the_waitlist()
    {
        var seats = new[] { S(1, RegistrationStatus.Approved), S(2, RegistrationStatus.CheckedIn), S(3, RegistrationStatus.Applied) };

        var decision = RegistrationRules.Approve(seats, 3, capacity: 2);

        Assert.Equal([new StatusChange(3, RegistrationStatus.Waitlisted)], decision.Changes);
    }

    [Fact]
    public void A_waiting_registration_cannot_be_approved_past_capacity()
    {
        var seats = new[] { S(1, RegistrationStatus.Approved), S(2, RegistrationStatus.Waitlisted) };

        var decision = RegistrationRules.Approve(seats, 2, capacity: 1);

        Assert.True(decision.Refused);
        Assert.Empty(decision.Changes);
    }

    [Fact]
    public void Cancelling_an_approved_registration_promotes_the_longest_waiting_one()
    {
        var seats = new[]
        {
            S(1, RegistrationStatus.Approved),
            S(2, RegistrationStatus.Waitlisted, minute: 1, waitlistedMinute: 30),
            S(3, RegistrationStatus.Waitlisted, minute: 5, waitlistedMinute: 10),
            S(4, RegistrationStatus.Waitlisted, minute: 0, waitlistedMinute: 40),
        };

        var decision = RegistrationRules.Cancel(seats, 1, capacity: 1);

        Assert.Equal([new StatusChange(1, RegistrationStatus.Cancelled), new StatusChange(3, RegistrationStatus.Approved)], decision.Changes);
    }

    [Fact]
    public void The_waitlist_is_served_by_waiting_time_then_application_time_then_id()
    {
        var seats = new[] { S(9, RegistrationStatus.Waitlisted, 5, 20), S(7, RegistrationStatus.Waitlisted, 5, 20), S(8, RegistrationStatus.Waitlisted, 1, 20), S(6, RegistrationStatus.Waitlisted, 0, 10) };

        Assert.Equal([6, 8, 7, 9], RegistrationRules.WaitlistOrder(seats).Select(s => s.Id));
    }

    [Fact]
    public void Cancelling_an_application_or_a_waiting_registration_promotes_nobody()
    {
        var seats = new[] { S(1, RegistrationStatus.Applied), S(2, RegistrationStatus.Waitlisted, 1, 1), S(3, RegistrationStatus.Approved) };

        Assert.Equal([new StatusChange(1, RegistrationStatus.Cancelled)], RegistrationRules.Cancel(seats, 1, capacity: 1).Changes);
        Assert.Equal([new StatusChange(2, RegistrationStatus.Cancelled)], RegistrationRules.Cancel(seats, 2, capacity: 1).Changes);
    }

    [Fact]
    public void Moving_an_approved_participant_to_the_waitlist_gives_the_seat_to_the_first_waiting()
    {
        var seats = new[] { S(1, RegistrationStatus.Approved), S(2, RegistrationStatus.Waitlisted, 3, 3) };

        var decision = RegistrationRules.Waitlist(seats, 1, capacity: 1);

        Assert.Equal([new StatusChange(1, RegistrationStatus.Waitlisted), new StatusChange(2, RegistrationStatus.Approved)], decision.Changes);
    }

    [Fact]
    public void A_person_cannot_register_twice_but_may_apply_again_after_cancelling()
    {
        var seats = new[] { S(1, RegistrationStatus.Waitlisted), S(2, RegistrationStatus.Cancelled) };

        Assert.NotNull(RegistrationRules.CanApply(seats, "user-1"));
        Assert.Null(RegistrationRules.CanApply(seats, "user-2"));
        Assert.Null(RegistrationRules.CanApply(seats, "user-3"));
    }

    [Theory]
    [InlineData(RegistrationStatus.Applied)]
    [InlineData(RegistrationStatus.Waitlisted)]
    [InlineData(RegistrationStatus.Cancelled)]
    [InlineData(RegistrationStatus.CheckedIn)]
    public void Only_approved_participants_check_in(RegistrationStatus status)
    {
        var decision = RegistrationRules.CheckIn([S(1, status)], 1);

        Assert.True(decision.Refused);
        Assert.Contains("Only approved participants check in", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approved_participant_checks_in()
    {
        Assert.Equal([new StatusChange(1, RegistrationStatus.CheckedIn)], RegistrationRules.CheckIn([S(1, RegistrationStatus.Approved)], 1).Changes);
    }

    [Theory]
    [InlineData(RegistrationStatus.Approved)]
    [InlineData(RegistrationStatus.Cancelled)]
    [InlineData(RegistrationStatus.CheckedIn)]
    public void Approve_is_refused_from_states_other_than_applied_or_waitlisted(RegistrationStatus status)
    {
        Assert.True(RegistrationRules.Approve([S(1, status)], 1, capacity: 5).Refused);
    }

    [Theory]
    [InlineData(RegistrationStatus.Cancelled)]
    [InlineData(RegistrationStatus.CheckedIn)]
    public void Cancelled_and_checked_in_registrations_cannot_be_cancelled(RegistrationStatus status)
    {
        Assert.True(RegistrationRules.Cancel([S(1, status)], 1, capacity: 5).Refused);
    }

    [Theory]
    [InlineData(RegistrationStatus.Waitlisted)]
    [InlineData(RegistrationStatus.Cancelled)]
    [InlineData(RegistrationStatus.CheckedIn)]
    public void Waitlisting_is_refused_from_other_states(RegistrationStatus status)
    {
        Assert.True(RegistrationRules.Waitlist([S(1, status)], 1, capacity: 5).Refused);
    }

    [Fact]
    public void An_unknown_registration_is_a_broken_invariant()
    {
        Assert.Throws<ArgumentException>(() => RegistrationRules.Approve([S(1, RegistrationStatus.Applied)], 99, 1));
    }
}
