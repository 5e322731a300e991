using CityBridge.Core.Dashboards;
using CityBridge.Core.Domain;
using CityBridge.Core.Pipeline;

namespace CityBridge.Core.Tests.Dashboards;

public sealed class DashboardFiguresTests
{
    private static readonly ProjectFact[] Projects =
    [
        new(1, "VN", ["water"], [100]),
        new(2, "VN", ["water", "environment"], []),
        new(3, "ID", ["transportation"], [100, 200]),
        new(4, "ID", ["water"], [200]),
    ];

    private static readonly DateTimeOffset Opened = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly OpportunityFact[] Opportunities =
    [
        new(10, Projects[0], OpportunityStage.Won, 1_000_000m, Opened, new DateOnly(2026, 2, 10)),
        new(11, Projects[2], OpportunityStage.Won, 2_500_000m, Opened, new DateOnly(2026, 3, 31)),
        new(12, Projects[1], OpportunityStage.Won, 400_000m, Opened, new DateOnly(2026, 4, 1)),
        new(13, Projects[0], OpportunityStage.Proposal, 750_000m, Opened, null),
        new(14, Projects[3], OpportunityStage.Lost, 300_000m, Opened, null),
        new(15, Projects[3], OpportunityStage.Introduced, null, Opened, null),
    ];

    [Fact]
    public void Export_value_per_quarter_sums_won_contracts_by_the_quarter_they_were_won()
    {
        var chart = DashboardFigures.ExportValueByQuarter(Opportunities, new DashboardFilter());

        Assert.Equal(["2026-Q1", "2026-Q2"], chart.Rows.Select(r => r.Label));
        Assert.Equal(3_500_000m, chart.Rows[0].Values[0]);
        Assert.Equal(400_000m, chart.Rows[1].Values[0]);
    }

    [Fact]
    public void A_won_opportunity_listed_twice_is_counted_once()
    {
        var duplicated = Opportunities.Append(Opportunities[0]);

        var outcomes = DashboardFigures.Outcomes(duplicated, new DashboardFilter());

        Assert.Equal(3, outcomes.Count);
        Assert.Equal(3_900_000m, outcomes.Sum(o => o.ValueUsd));
    }

    [Fact]
    public void Pipeline_value_by_stage_lists_every_stage_in_order()
    {
        var chart = DashboardFigures.PipelineValueByStage(Opportunities, new DashboardFilter());

        Assert.Equal(Enum.GetNames<OpportunityStage>(), chart.Rows.Select(r => r.Label));
        Assert.Equal([0m, 0m, 750_000m, 0m, 3_900_000m, 300_000m], chart.Rows.Select(r => r.Values[0]));
    }

    [Fact]
    public void Filters_by_country_and_sector_narrow_every_figure()
    {
        var vietnamWater = new DashboardFilter("VN", "water");

        Assert.Equal(1_400_000m, DashboardFigures.Outcomes(Opportunities, vietnamWater).Sum(o => o.ValueUsd));
        Assert.Equal([2m], DashboardFigures.ProjectsBySector(Projects, vietnamWater).Rows.Select(r => r.Values[0]));
        Assert.Equal(["Viet Nam"], DashboardFigures.ProjectsByCountry(Projects, new Dictionary<string, string> { ["VN"] = "Viet Nam" }, vietnamWater).Rows.Select(r => r.Label));
    }

    [Fact]
    public void The_program_filter_keeps_the_projects_brought_to_the_program_and_their_opportunities()
    {
        var program100 = new DashboardFilter(ProgramId: 100);

        Assert.Equal(2m, DashboardFigures.ProjectsBySector(Projects, program100).Rows.Sum(r => r.Values[0]));
        Assert.Equal(3_500_000m, DashboardFigures.Outcomes(Opportunities, program100).Sum(o => o.ValueUsd));
        Assert.Equal(750_000m, DashboardFigures.PipelineValueByStage(Opportunities, program100).Rows.Single(r => r.Label == "Proposal").Values[0]);
    }

    [Fact]
    public void Meetings_per_program_count_each_meeting_once_most_first()
    {
        MeetingFact[] meetings =
        [
            new(1, 100, "Water workshop", "VN", ["water"]),
            new(2, 200, "Transport delegation", "ID", ["transportation"]),
            new(3, 200, "Transport delegation", "TH", ["transportation"]),
            new(3, 200, "Transport delegation", "TH", ["transportation"]),
        ];

        var chart = DashboardFigures.MeetingsPerProgram(meetings, new DashboardFilter());
        var indonesia = DashboardFigures.MeetingsPerProgram(meetings, new DashboardFilter("ID"));

        Assert.Equal(["Transport delegation", "Water workshop"], chart.Rows.Select(r => r.Label));
        Assert.Equal([2m, 1m], chart.Rows.Select(r => r.Values[0]));
        Assert.Equal([1m], indonesia.Rows.Select(r => r.Values[0]));
    }

    [Fact]
    public void A_project_in_two_sectors_counts_in_each()
    {
        var chart = DashboardFigures.ProjectsBySector(Projects, new DashboardFilter());

        Assert.Equal(3m, chart.Rows.Single(r => r.Label == "Water and wastewater").Values[0]);
        Assert.Equal(1m, chart.Rows.Single(r => r.Label == "Environment and climate resilience").Values[0]);
    }

    [Fact]
    public void Urban_population_shows_today_and_2050_largest_first()
    {
        CountryFact[] countries = [new("SG", "Singapore", 6_000_000, 6_600_000), new("ID", "Indonesia", 166_000_000, 241_000_000)];

        var chart = DashboardFigures.UrbanPopulation(countries, new DashboardFilter());

        Assert.Equal(["Indonesia", "Singapore"], chart.Rows.Select(r => r.Label));
        Assert.Equal([166_000_000m, 241_000_000m], chart.Rows[0].Values);
    }
}

public sealed class PipelineRulesTests
{
    [Fact]
    public void A_won_opportunity_needs_a_value_a_date_and_what_was_sold()
    {
        var problems = PipelineRules.Check(OpportunityStage.Won, null, null, " ");

        Assert.Equal(["valueUsd", "wonOn", "products"], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_complete_win_passes()
    {
        Assert.Empty(PipelineRules.Check(OpportunityStage.Won, 1_000m, new DateOnly(2026, 5, 1), "Leak loggers"));
    }

    [Fact]
    public void Only_a_won_opportunity_has_a_won_date_and_no_value_is_negative()
    {
        var problems = PipelineRules.Check(OpportunityStage.Tender, -1, new DateOnly(2026, 5, 1), null);

        Assert.Equal(["valueUsd", "wonOn"], problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData(OpportunityStage.Introduced, true)]
    [InlineData(OpportunityStage.Tender, true)]
    [InlineData(OpportunityStage.Won, false)]
    [InlineData(OpportunityStage.Lost, false)]
    public void Won_and_lost_close_an_opportunity(OpportunityStage stage, bool open) => Assert.Equal(open, PipelineRules.IsOpen(stage));

    [Theory]
    [InlineData(2026, 1, 1, "2026-Q1")]
    [InlineData(2026, 3, 31, "2026-Q1")]
    [InlineData(2026, 4, 1, "2026-Q2")]
    [InlineData(2026, 12, 31, "2026-Q4")]
    public void Quarters_follow_the_calendar(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Quarter.Of(new DateOnly(year, month, day)).ToString());
}
