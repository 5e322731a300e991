using CityBridge.Core.Domain;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Pipeline;

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
