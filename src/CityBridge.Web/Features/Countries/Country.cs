namespace CityBridge.Web.Features.Countries;

/// <summary>An ASEAN member state with its urban population facts.</summary>
public sealed class Country
{
    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Capital { get; set; }

    /// <summary>Urban population (people) at mid-2025 per the cited source.</summary>
    public long UrbanPopulationToday { get; set; }

    /// <summary>Projected urban population (people) in 2050 per the cited source.</summary>
    public long UrbanPopulation2050 { get; set; }

    /// <summary>Urban share of the total population today, in percent.</summary>
    public decimal UrbanSharePercentToday { get; set; }

    /// <summary>Projected urban share in 2050, in percent.</summary>
    public decimal UrbanSharePercent2050 { get; set; }

    public required string Source { get; set; }
}
