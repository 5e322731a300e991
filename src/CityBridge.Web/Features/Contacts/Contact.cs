using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Contacts;

/// <summary>A person at an organization, with the consent they gave.</summary>
public sealed class Contact : EditableRecord
{
    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string FullName { get; set; }

    public required string Email { get; set; }

    public string? JobTitle { get; set; }

    public string? Phone { get; set; }

    /// <summary>When the person agreed to be contacted; null when no consent is recorded.</summary>
    public DateTimeOffset? ConsentedAt { get; set; }

    /// <summary>The privacy text the person agreed to, kept verbatim.</summary>
    public string? ConsentText { get; set; }
}
