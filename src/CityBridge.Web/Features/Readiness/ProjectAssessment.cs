using CityBridge.Core.Domain;
using CityBridge.Web.Features.Projects;

namespace CityBridge.Web.Features.Readiness;

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
