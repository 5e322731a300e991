using CityBridge.Core.Library;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Library;

/// <summary>A best-practice document: session material or a case study, written in Markdown and tagged by sector and topic.</summary>
public sealed class LibraryDocument : EditableRecord
{
    /// <summary>The document's address under /Library; unique.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    public LibraryKind Kind { get; set; }

    public string? Summary { get; set; }

    /// <summary>Markdown; rendered and sanitized for display, never shown as raw HTML.</summary>
    public required string Body { get; set; }

    public List<string> Sectors { get; set; } = [];

    public List<string> Topics { get; set; } = [];

    /// <summary>Published documents are public; drafts are for staff only.</summary>
    public bool IsPublished { get; set; }
}

/// <summary>A document shown on another page: a priority project, a program session, or any target kind registered in <see cref="LibraryLinkTargets"/>.</summary>
public sealed class LibraryLink
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    public LibraryDocument? Document { get; set; }

    public required string TargetKind { get; set; }

    public int TargetId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
