using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Solutions;

/// <summary>What a provider offers.</summary>
public sealed class Solution : EditableRecord
{
    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public List<string> Sectors { get; set; } = [];

    public List<string> Standards { get; set; } = [];

    /// <summary>Cities where the solution is in use, as free text names.</summary>
    public List<string> ReferenceCities { get; set; } = [];
}
