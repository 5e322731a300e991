using CityBridge.Core.Programs;

namespace CityBridge.Core.Tests.Programs;

public sealed class ItineraryCheckTests
{
    private static ItineraryStop Stop(int order, string city, string country, int startDay, int endDay) =>
        new(order, city, country, new DateOnly(2027, 2, startDay), new DateOnly(2027, 2, endDay));

    [Fact]
    public void A_sound_itinerary_has_no_flags()
    {
        var stops = new[] { Stop(1, "Makassar", "ID", 1, 2), Stop(2, "Surabaya", "ID", 2, 3), Stop(3, "Da Nang", "VN", 5, 6) };

        Assert.Empty(ItineraryCheck.Check(stops, travelDaysBetweenCountries: 1));
    }

    [Fact]
    public void A_visit_starting_before_the_previous_one_ends_is_an_overlap()
    {
        var stops = new[] { Stop(1, "Makassar", "ID", 1, 3), Stop(2, "Surabaya", "ID", 2, 4) };

        var flag = Assert.Single(ItineraryCheck.Check(stops, 1));

        Assert.Equal((2, ItineraryCheck.Overlap), (flag.Order, flag.Kind));
    }

    [Fact]
    public void Changing_country_needs_the_configured_travel_days()
    {
        var stops = new[] { Stop(1, "Makassar", "ID", 1, 2), Stop(2, "Da Nang", "VN", 3, 4) };

        Assert.Empty(ItineraryCheck.Check(stops, travelDaysBetweenCountries: 1));
        var flag = Assert.Single(ItineraryCheck.Check(stops, travelDaysBetweenCountries: 2));
        Assert.Equal((2, ItineraryCheck.Travel), (flag.Order, flag.Kind));
        Assert.Equal(ItineraryCheck.Travel, Assert.Single(ItineraryCheck.Check([Stop(1, "Makassar", "ID", 1, 2), Stop(2, "Da Nang", "VN", 2, 4)], 1)).Kind);
    }

    [Fact]
    public void Without_a_travel_day_rule_a_same_day_border_crossing_is_allowed()
    {
        Assert.Empty(ItineraryCheck.Check([Stop(1, "Makassar", "ID", 1, 2), Stop(2, "Da Nang", "VN", 2, 4)], travelDaysBetweenCountries: 0));
    }

    [Fact]
    public void Visits_are_checked_in_itinerary_order_not_list_order()
    {
        var stops = new[] { Stop(2, "Da Nang", "VN", 1, 2), Stop(1, "Makassar", "ID", 5, 6) };

        var flag = Assert.Single(ItineraryCheck.Check(stops, 1));

        Assert.Equal((2, ItineraryCheck.Overlap), (flag.Order, flag.Kind));
    }

    [Fact]
    public void A_visit_ending_before_it_starts_is_flagged()
    {
        var flag = Assert.Single(ItineraryCheck.Check([Stop(1, "Makassar", "ID", 4, 2)], 1));

        Assert.Equal(ItineraryCheck.Dates, flag.Kind);
    }

    [Fact]
    public void A_visit_is_compared_with_the_latest_end_so_far()
    {
        var stops = new[] { Stop(1, "Makassar", "ID", 1, 10), Stop(2, "Surabaya", "ID", 2, 3), Stop(3, "Bandung", "ID", 5, 6) };

        Assert.Equal([2, 3], ItineraryCheck.Check(stops, 1).Select(f => f.Order));
    }
}
