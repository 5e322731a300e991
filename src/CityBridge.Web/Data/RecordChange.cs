using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Solutions;


namespace CityBridge.Web.Data;

/// <summary>
/// A change feed of the records that derived indexes (matching, site search) follow: written in the same transaction as the
/// change, read by every instance from its own position, so no instance misses an edit made through another.
/// </summary>
public sealed class RecordChange
{
    public const string Provider = "organization";
    public const string Project = "project";
    public const string LibraryDocument = "library";
    public const string Program = "program";

    public long Id { get; init; }

    public required string Kind { get; init; }

    public int EntityId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The change to record for a saved entity; a solution counts as a change of its organization.</summary>
    public static RecordChange? For(object entity, DateTimeOffset at) => entity switch
    {
        Organization o => new() { Kind = Provider, EntityId = o.Id, At = at },
        Solution s => new() { Kind = Provider, EntityId = s.OrganizationId, At = at },
        PriorityProject p => new() { Kind = Project, EntityId = p.Id, At = at },
        Features.Library.LibraryDocument d => new() { Kind = LibraryDocument, EntityId = d.Id, At = at },
        Features.Programs.TradeProgram p => new() { Kind = Program, EntityId = p.Id, At = at },
        Features.Programs.ProgramSession s => new() { Kind = Program, EntityId = s.ProgramId, At = at },
        _ => null,
    };
}
