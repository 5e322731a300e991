using CityBridge.Core.Domain;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;

namespace CityBridge.Web.Features.Organizations;

/// <summary>A city government, provider company, partner agency or financier.</summary>
public sealed class Organization : EditableRecord
{
    public required string Name { get; set; }

    public OrganizationKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the head office (US for most providers).</summary>
    public string? CountryCode { get; set; }

    /// <summary>The city a city government belongs to.</summary>
    public int? CityId { get; set; }

    public City? City { get; set; }

    public string? Website { get; set; }

    public string? Description { get; set; }

    public List<string> Sectors { get; set; } = [];

    /// <summary>ISO codes of countries where the organization has delivered work.</summary>
    public List<string> ExperienceCountries { get; set; } = [];

    /// <summary>Standards the organization's offer meets (e.g. ISO 24510).</summary>
    public List<string> Standards { get; set; } = [];

    public List<Solution> Solutions { get; set; } = [];

    public List<Contact> Contacts { get; set; } = [];
}
