using CityBridge.Core.Domain;
using CityBridge.Core.Search;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Library;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Search;

/// <summary>
/// One kind of thing the site search finds. A feature adds its kind with one class implementing this and one
/// registration line in <see cref="SearchRegistration"/>.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kind's key in the index and the API, e.g. "library".</summary>
    string Kind { get; }

    /// <summary>What a reader calls a result of this kind, e.g. "Library document".</summary>
    string Label { get; }

    /// <summary>The <see cref="RecordChange"/> kinds whose entries mean this source's records changed.</summary>
    IReadOnlyList<string> ChangeKinds { get; }

    /// <summary>Every record of the kind, as index entries (visibility is checked at query time, not here).</summary>
    Task<List<SearchEntry>> LoadAsync(CityBridgeDb db, CancellationToken ct);

    /// <summary>Which of <paramref name="ids"/> <paramref name="actor"/> may see.</summary>
    Task<HashSet<int>> VisibleAsync(CityBridgeDb db, Actor actor, IReadOnlyCollection<int> ids, CancellationToken ct);
}

/// <summary>A source over an editable record whose definition already says who may see what.</summary>
public abstract class RecordSearchSource<TEntity, TInput, TDto>(RecordDefinition<TEntity, TInput, TDto> definition) : ISearchSource
    where TEntity : EditableRecord
    where TInput : class, IRecordInput<TEntity>
{
    public abstract string Kind { get; }

    public abstract string Label { get; }

    public abstract IReadOnlyList<string> ChangeKinds { get; }

    public abstract Task<List<SearchEntry>> LoadAsync(CityBridgeDb db, CancellationToken ct);

    public async Task<HashSet<int>> VisibleAsync(CityBridgeDb db, Actor actor, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await definition.VisibleTo(db.Set<TEntity>().AsNoTracking(), actor).Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();

    /// <summary>Joins the non-empty parts of a record's text.</summary>
    protected static string Text(params IEnumerable<string?> parts) => string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}

public sealed class LibrarySearchSource() : RecordSearchSource<LibraryDocument, LibraryDocumentInput, LibraryDocumentDto>(LibraryDefinition.Instance)
{
    public override string Kind => "library";

    public override string Label => "Library document";

    public override IReadOnlyList<string> ChangeKinds { get; } = [RecordChange.LibraryDocument];

    public override async Task<List<SearchEntry>> LoadAsync(CityBridgeDb db, CancellationToken ct) =>
        (await db.LibraryDocuments.AsNoTracking().Select(d => new { d.Id, d.Slug, d.Title, d.Summary, d.Body, d.Sectors, d.Topics }).ToListAsync(ct))
            .Select(d => new SearchEntry(Kind, d.Id, d.Title,
                Text(d.Summary, LibraryMarkdown.ToPlainText(d.Body), string.Join(", ", d.Sectors.Select(SectorTaxonomy.NameOf)), string.Join(", ", d.Topics.Select(Core.Library.WorkshopTopics.NameOf))),
                $"/Library/{d.Slug}"))
            .ToList();
}

public sealed class ProjectSearchSource() : RecordSearchSource<PriorityProject, ProjectInput, ProjectDto>(ProjectDefinition.Instance)
{
    public override string Kind => "project";

    public override string Label => "Priority project";

    public override IReadOnlyList<string> ChangeKinds { get; } = [RecordChange.Project];

    public override async Task<List<SearchEntry>> LoadAsync(CityBridgeDb db, CancellationToken ct) =>
        (await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Title, p.Description, City = p.City!.Name, p.Sectors }).ToListAsync(ct))
            .Select(p => new SearchEntry(Kind, p.Id, p.Title, Text(p.City, p.Description, string.Join(", ", p.Sectors.Select(SectorTaxonomy.NameOf))), $"/Projects/Details/{p.Id}"))
            .ToList();
}

public sealed class OrganizationSearchSource() : RecordSearchSource<Organization, OrganizationInput, OrganizationDto>(OrganizationDefinition.Instance)
{
    public override string Kind => "organization";

    public override string Label => "Organization";

    public override IReadOnlyList<string> ChangeKinds { get; } = [RecordChange.Provider];

    public override async Task<List<SearchEntry>> LoadAsync(CityBridgeDb db, CancellationToken ct) =>
        (await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Kind, o.Description, o.Sectors }).ToListAsync(ct))
            .Select(o => new SearchEntry(Kind, o.Id, o.Name, Text(Choices.KindLabel(o.Kind), o.Description, string.Join(", ", o.Sectors.Select(SectorTaxonomy.NameOf))), $"/Organizations/Details/{o.Id}"))
            .ToList();
}

public sealed class SolutionSearchSource() : RecordSearchSource<Solution, SolutionInput, SolutionDto>(SolutionDefinition.Instance)
{
    public override string Kind => "solution";

    public override string Label => "Solution";

    /// <summary>A solution's change is recorded as a change of its provider.</summary>
    public override IReadOnlyList<string> ChangeKinds { get; } = [RecordChange.Provider];

    public override async Task<List<SearchEntry>> LoadAsync(CityBridgeDb db, CancellationToken ct) =>
        (await db.Solutions.AsNoTracking().Select(s => new { s.Id, s.OrganizationId, s.Name, s.Description, Provider = s.Organization!.Name, s.Sectors, s.Standards }).ToListAsync(ct))
            .Select(s => new SearchEntry(Kind, s.Id, s.Name, Text(s.Provider, s.Description, string.Join(", ", s.Sectors.Select(SectorTaxonomy.NameOf)), string.Join(", ", s.Standards)), $"/Organizations/Details/{s.OrganizationId}"))
            .ToList();
}

/// <summary>Programs with their place and agenda; published ones for everyone, drafts for staff.</summary>
public sealed class ProgramSearchSource : ISearchSource
{
    public string Kind => "program";

    public string Label => "Program";

    public IReadOnlyList<string> ChangeKinds { get; } = [RecordChange.Program];

    public async Task<List<SearchEntry>> LoadAsync(CityBridgeDb db, CancellationToken ct) =>
        (await db.Programs.AsNoTracking().Include(p => p.Sessions).ToListAsync(ct))
            .Select(p => new SearchEntry(Kind, p.Id, p.Name, string.Join("\n", new[]
            {
                Programs.ProgramViews.KindName(p.Kind), p.Place, p.Description, string.Join(", ", p.Sectors.Select(SectorTaxonomy.NameOf)),
                string.Join("\n", p.Sessions.Select(s => $"{s.Title} {s.Topic} {s.Speakers}")),
            }.Where(t => !string.IsNullOrWhiteSpace(t))), $"/Programs/Details/{p.Id}"))
            .ToList();

    public async Task<HashSet<int>> VisibleAsync(CityBridgeDb db, Actor actor, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Programs.AsNoTracking().Where(p => ids.Contains(p.Id) && (p.IsPublished || actor.IsStaff)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
}
