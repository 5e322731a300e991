namespace CityBridge.Core.Programs;

/// <summary>A city visit of an expert delegation, in itinerary order, with its first and last day.</summary>
public sealed record ItineraryStop(int Order, string City, string CountryCode, DateOnly Start, DateOnly End);

/// <summary>What is wrong with a visit: its kind (dates, overlap, travel) and a message for staff.</summary>
public sealed record ItineraryFlag(int Order, string Kind, string Message);

/// <summary>Checks an itinerary for visits that end before they start, overlap the previous one or leave no travel time between countries.</summary>
public static class ItineraryCheck
{
    public const string Dates = "dates";
    public const string Overlap = "overlap";
    public const string Travel = "travel";

    /// <summary>
    /// Visits are taken in their order. Two visits in one country may share a day (the second starts the day the first
    /// ends); between countries the next visit starts at least <paramref name="travelDaysBetweenCountries"/> days after.
    /// </summary>
    public static IReadOnlyList<ItineraryFlag> Check(IEnumerable<ItineraryStop> stops, int travelDaysBetweenCountries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(travelDaysBetweenCountries);
        var flags = new List<ItineraryFlag>();
        ItineraryStop? previous = null;
        foreach (var stop in stops.OrderBy(s => s.Order))
        {
            if (stop.End < stop.Start)
            {
                flags.Add(new(stop.Order, Dates, $"Visit {stop.Order} ({stop.City}) ends on {stop.End:yyyy-MM-dd}, before it starts on {stop.Start:yyyy-MM-dd}."));
            }

            if (previous is not null)
            {
                var sameCountry = string.Equals(previous.CountryCode, stop.CountryCode, StringComparison.OrdinalIgnoreCase);
                var gap = stop.Start.DayNumber - previous.End.DayNumber;
                if (gap < 0)
                {
                    flags.Add(new(stop.Order, Overlap, $"Visit {stop.Order} ({stop.City}) starts on {stop.Start:yyyy-MM-dd}, before visit {previous.Order} ({previous.City}) ends on {previous.End:yyyy-MM-dd}."));
                }
                else if (!sameCountry && gap < travelDaysBetweenCountries)
                {
                    flags.Add(new(stop.Order, Travel, $"Visit {stop.Order} ({stop.City}) leaves {gap} day(s) after {previous.City} to change country; allow {travelDaysBetweenCountries}."));
                }
            }

            previous = previous is null || stop.End > previous.End ? stop : previous;
        }

        return flags;
    }
}
