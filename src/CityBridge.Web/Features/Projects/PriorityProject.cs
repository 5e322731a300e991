using CityBridge.Core.Domain;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Projects;

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
