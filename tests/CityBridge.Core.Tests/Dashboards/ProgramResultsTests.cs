using CityBridge.Core.Dashboards;
using CityBridge.Core.Domain;

namespace CityBridge.Core.Tests.Dashboards;

public sealed class ProgramResultsTests
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);

    /// <summary>A program whose first session starts at 09:00 Jakarta time on its first day.</summary>
    private static ProgramFact Program(int id, string name, string kind, DateOnly starts, DateOnly ends) =>
        new(id, name, kind, starts, ends, new DateTimeOffset(starts.ToDateTime(new TimeOnly(9, 0)), Jakarta));

    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 12, 0, 0, Jakarta);

    private static readonly ProgramFact Workshop = Program(1, "Water workshop", "Workshop", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6));
    private static readonly ProgramFact Delegation = Program(2, "Transport delegation", "TradeShowDelegation", new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 14));
    private static readonly ProgramFact LastYear = Program(3, "2025 workshop", "Workshop", new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 5));

    private static readonly ProjectFact LeakProject = new(10, "VN", ["water"], [1, 2]);
    private static readonly ProjectFact BusProject = new(11, "ID", ["transportation"], [2]);
    private static readonly ProjectFact Unrelated = new(12, "TH", ["energy"], []);

    private static readonly ParticipationFact[] Participations =
    [
        new(1, Confirmed: true, CheckedIn: true, ProjectId: 10),
        new(1, Confirmed: true, CheckedIn: false, ProjectId: null),
        new(1, Confirmed: false, CheckedIn: false, ProjectId: 12),
        new(2, Confirmed: true, CheckedIn: true, ProjectId: 10),
        new(2, Confirmed: true, CheckedIn: true, ProjectId: 11),
    ];

    private static readonly MeetingFact[] Meetings =
    [
        new(100, 2, "Transport delegation", "ID", ["transportation"]),
        new(101, 2, "Transport delegation", "VN", ["transportation"]),
    ];

    private static readonly OpportunityFact[] Opportunities =
    [
        new(20, LeakProject, OpportunityStage.Won, 1_200_000m, On(2026, 3, 20), new DateOnly(2026, 9, 1)),
        new(21, LeakProject, OpportunityStage.Proposal, 300_000m, On(2026, 1, 10), null),
        new(22, BusProject, OpportunityStage.Won, 800_000m, On(2026, 5, 20), new DateOnly(2026, 10, 1)),
        new(23, Unrelated, OpportunityStage.Won, 5_000_000m, On(2026, 4, 1), new DateOnly(2026, 4, 2)),
    ];

    private static ProgramResultsReport Year2026() => ProgramResults.ForPeriod(
        new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [Delegation, LastYear, Workshop], Participations, Meetings, Opportunities);

    [Fact]
    public void The_period_holds_the_programs_that_overlap_it_in_date_order()
    {
        Assert.Equal(["Water workshop", "Transport delegation"], Year2026().Rows.Select(r => r.Label));
    }

    [Fact]
    public void Attendance_counts_confirmed_participants_and_those_who_checked_in()
    {
        var workshop = Year2026().Rows[0];

        Assert.Equal((2, 1, 0.5m), (workshop.Confirmed, workshop.CheckedIn, workshop.AttendanceRate));
    }

    [Fact]
    public void Follow_ups_are_opportunities_opened_after_the_start_on_projects_brought_by_confirmed_participants()
    {
        var report = Year2026();

        Assert.Equal((1, 1, 1_200_000m), (report.Rows[0].FollowUpOpportunities, report.Rows[0].Won, report.Rows[0].ExportValueUsd));
        Assert.Equal((1, 1, 800_000m, 2), (report.Rows[1].FollowUpOpportunities, report.Rows[1].Won, report.Rows[1].ExportValueUsd, report.Rows[1].MeetingsHeld));
    }

    [Fact]
    public void An_opportunity_opened_on_the_first_day_before_the_first_session_is_not_a_follow_up()
    {
        var firstDay = Workshop.Starts.ToDateTime(TimeOnly.MinValue);
        OpportunityFact[] opportunities =
        [
            new(30, LeakProject, OpportunityStage.Proposal, 100m, new DateTimeOffset(firstDay.AddHours(8), Jakarta), null),
            new(31, LeakProject, OpportunityStage.Proposal, 100m, new DateTimeOffset(firstDay.AddHours(9), Jakarta), null),
        ];

        var workshop = ProgramResults.ForPeriod(Workshop.Starts, Workshop.Ends, [Workshop], Participations, [], opportunities).Rows.Single();

        Assert.Equal(1, workshop.FollowUpOpportunities);
    }

    [Fact]
    public void Totals_count_an_opportunity_shared_by_two_programs_once()
    {
        var totals = ProgramResults.ForPeriod(
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [Workshop, Delegation],
            Participations, Meetings, [Opportunities[0] with { OpenedAt = On(2026, 6, 1) }, Opportunities[2]]).Totals;

        Assert.Equal((2, 2, 2_000_000m), (totals.FollowUpOpportunities, totals.Won, totals.ExportValueUsd));
        Assert.Equal((4, 3, 2), (totals.Confirmed, totals.CheckedIn, totals.MeetingsHeld));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ProgramResults.ForPeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), [], [], [], []));
    }
}
