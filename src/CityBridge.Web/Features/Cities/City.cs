using CityBridge.Web.Features.Countries;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Cities;

/// <summary>A city with its population and IANA time zone.</summary>
public sealed class City : EditableRecord
{
    public required string Name { get; set; }

    public required string CountryCode { get; set; }

    public Country? Country { get; set; }

    public long Population { get; set; }

    /// <summary>IANA time zone id, e.g. Asia/Jakarta.</summary>
    public required string TimeZone { get; set; }

    /// <summary>One of the 26 pilot cities of the ASEAN Smart Cities Network (2018).</summary>
    public bool IsAscnPilot { get; set; }

    public string? Description { get; set; }

    public List<PriorityProject> Projects { get; set; } = [];
}
