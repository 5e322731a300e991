using CityBridge.Web.Features.Projects;

namespace CityBridge.Web.Features.Readiness;

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
