namespace CityBridge.Core.Domain;

/// <summary>A record that staff edit through forms and the API; <see cref="Version"/> guards against lost updates.</summary>
public abstract class EditableRecord
{
    public int Id { get; set; }

    /// <summary>Changes on every save; a stale value means somebody else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

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

/// <summary>What kind of organization takes part in the program.</summary>
public enum OrganizationKind
{
    CityGovernment,
    Provider,
    PartnerAgency,
    Financier,
}

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

/// <summary>How far a priority project has come.</summary>
public enum ProjectStage
{
    Idea,
    Planning,
    Design,
    Procurement,
    Implementation,
    Operation,
}

/// <summary>A city's priority project.</summary>
public sealed class PriorityProject : EditableRecord
{
    public int CityId { get; set; }

    public City? City { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public List<string> Sectors { get; set; } = [];

    public ProjectStage Stage { get; set; } = ProjectStage.Idea;

    /// <summary>Estimated budget in USD.</summary>
    public decimal? BudgetUsd { get; set; }

    /// <summary>The budget as entered, when it was entered in another currency.</summary>
    public decimal? BudgetOriginalAmount { get; set; }

    /// <summary>ISO 4217 code of <see cref="BudgetOriginalAmount"/>.</summary>
    public string? BudgetOriginalCurrency { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>Standards the city wants the delivered solution to meet.</summary>
    public List<string> StandardsWanted { get; set; } = [];

    /// <summary>Unpublished projects are visible only to their city and staff.</summary>
    public bool IsPublished { get; set; } = true;
}

/// <summary>Where a provider-project opportunity stands.</summary>
public enum OpportunityStage
{
    Introduced,
    Met,
    Proposal,
    Tender,
    Won,
    Lost,
}

/// <summary>A provider-project pipeline record; once won it is the program's export outcome.</summary>
public sealed class Opportunity : EditableRecord
{
    public int ProviderId { get; set; }

    public Organization? Provider { get; set; }

    public int ProjectId { get; set; }

    public PriorityProject? Project { get; set; }

    public OpportunityStage Stage { get; set; } = OpportunityStage.Introduced;

    /// <summary>Expected (or, when won, contracted) value in USD.</summary>
    public decimal? ValueUsd { get; set; }

    public DateOnly? ExpectedCloseDate { get; set; }

    /// <summary>The day the contract was won; set only in the Won stage.</summary>
    public DateOnly? WonOn { get; set; }

    /// <summary>What was sold, for the export outcome.</summary>
    public string? Products { get; set; }

    public string? Notes { get; set; }
}

/// <summary>The four readiness tools a project goes through on its way to a contract.</summary>
public enum ReadinessPart
{
    Plan,
    Finance,
    Procurement,
    Cyber,
}

/// <summary>One saved version of one readiness assessment of a project; the highest number per part is current.</summary>
public sealed class ProjectAssessment
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public PriorityProject? Project { get; set; }

    public ReadinessPart Part { get; set; }

    /// <summary>1, 2, 3… per project and part; every save adds the next number.</summary>
    public int Number { get; set; }

    /// <summary>The assessment as JSON (the part's record in CityBridge.Core.Readiness).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who saved this version, for the history list.</summary>
    public string? CreatedBy { get; set; }
}

/// <summary>A project's tender as published: an OCDS 1.1 release package that validated against the official schema.</summary>
public sealed class PublishedTender
{
    public int Id { get; set; }

    public int ProjectId { get; set; }

    public PriorityProject? Project { get; set; }

    /// <summary>The open contracting process identifier: the configured prefix and the project id.</summary>
    public required string Ocid { get; set; }

    public required string ReleaseId { get; set; }

    public required string ReleasePackageJson { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
}
