using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CityBridge.Core.Library;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Library;

public sealed record LibraryDocumentDto(
    int Id, string Slug, string Title, LibraryKind Kind, string? Summary, string Body, IReadOnlyList<string> Sectors, IReadOnlyList<string> Topics,
    bool IsPublished, DateTimeOffset UpdatedAt, Guid Version) : IRecordDto;

public sealed class LibraryDocumentInput : IRecordInput<LibraryDocument>, IValidatableObject
{
    public const int MaxBodyLength = 100_000;

    [Required(ErrorMessage = "Enter the document's title.")]
    [StringLength(200, ErrorMessage = "Keep the title under 200 characters.")]
    public string Title { get; set; } = string.Empty;

    /// <summary>The address under /Library; proposed from the title when left empty.</summary>
    [StringLength(LibraryTags.MaxSlugLength, ErrorMessage = "Keep the address under 80 characters.")]
    [LibrarySlug]
    public string? Slug { get; set; }

    public LibraryKind Kind { get; set; } = LibraryKind.SessionMaterial;

    [StringLength(500, ErrorMessage = "Keep the summary under 500 characters.")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Write the document's text (Markdown).")]
    [StringLength(MaxBodyLength, ErrorMessage = "Keep the text under 100,000 characters.")]
    public string Body { get; set; } = string.Empty;

    [SectorKeys]
    public List<string> Sectors { get; set; } = [];

    [WorkshopTopicKeys]
    public List<string> Topics { get; set; } = [];

    public bool IsPublished { get; set; }

    public Guid? Version { get; set; }

    /// <summary>The slug the document will have: the one entered, else one made from the title.</summary>
    public string EffectiveSlug => string.IsNullOrWhiteSpace(Slug) ? LibraryTags.SlugFrom(Title ?? string.Empty) : Slug.Trim();

    public static LibraryDocumentInput From(LibraryDocumentDto d) => new()
    {
        Title = d.Title,
        Slug = d.Slug,
        Kind = d.Kind,
        Summary = d.Summary,
        Body = d.Body,
        Sectors = [.. d.Sectors],
        Topics = [.. d.Topics],
        IsPublished = d.IsPublished,
        Version = d.Version,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationResult("Choose session material or case study.", [nameof(Kind)]);
        }

        // An entered slug is checked with the fields; one made from the title can still come out empty ("!!!").
        if (string.IsNullOrWhiteSpace(Slug) && !string.IsNullOrWhiteSpace(Title) && !LibraryTags.IsValidSlug(EffectiveSlug))
        {
            yield return new ValidationResult(LibrarySlugAttribute.Message, [nameof(Slug)]);
        }
    }

    public LibraryDocument ToNewEntity()
    {
        var document = new LibraryDocument { Slug = string.Empty, Title = string.Empty, Body = string.Empty };
        ApplyTo(document);
        return document;
    }

    public void ApplyTo(LibraryDocument entity)
    {
        entity.Title = Title.Trim();
        entity.Slug = EffectiveSlug;
        entity.Kind = Kind;
        entity.Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim();
        entity.Body = Body.Trim();
        entity.Sectors = LibraryTags.NormalizeSectors(Sectors);
        entity.Topics = LibraryTags.NormalizeTopics(Topics);
        entity.IsPublished = IsPublished;
    }

    public async Task CheckReferencesAsync(CityBridgeDb db, int? id, ValidationErrors errors, CancellationToken ct)
    {
        var slug = EffectiveSlug;
        if (await db.LibraryDocuments.AnyAsync(d => d.Slug == slug && d.Id != (id ?? 0), ct))
        {
            errors.Add("slug", $"Another document already has the address /Library/{slug}; choose another.");
        }
    }
}

/// <summary>At least one topic, each a key of the workshop topics; checked with the other field rules so every message shows at once.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WorkshopTopicKeysAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = LibraryTags.TopicProblems([.. value as IEnumerable<string> ?? []]);
        return problems.Count == 0 ? ValidationResult.Success : new ValidationResult(string.Join(" ", problems), [validationContext.MemberName!]);
    }
}

/// <summary>An entered address must be a valid slug; an empty one is made from the title.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LibrarySlugAttribute : ValidationAttribute
{
    public const string Message = "Use lower-case letters, digits and single hyphens for the address, such as da-nang-water-pilot (not edit, delete, index or links).";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string slug || string.IsNullOrWhiteSpace(slug) || LibraryTags.IsValidSlug(slug.Trim())
            ? ValidationResult.Success
            : new ValidationResult(Message, [validationContext.MemberName!]);
}

public sealed class LibraryDefinition : RecordDefinition<LibraryDocument, LibraryDocumentInput, LibraryDocumentDto>
{
    public static LibraryDefinition Instance { get; } = new();

    public override string Plural => "library";

    public override string Singular => "document";

    public override Expression<Func<LibraryDocument, LibraryDocumentDto>> ToDto { get; } = d =>
        new LibraryDocumentDto(d.Id, d.Slug, d.Title, d.Kind, d.Summary, d.Body, d.Sectors, d.Topics, d.IsPublished, d.UpdatedAt, d.Version);

    protected override ValueTask<IQueryable<LibraryDocument>> FilterAsync(CityBridgeDb db, DirectoryFilter filter, CancellationToken ct)
    {
        var query = db.LibraryDocuments.AsNoTracking();
        if (filter.Text is { } text)
        {
            query = query.Where(d => d.Title.ToLower().Contains(text) || (d.Summary != null && d.Summary.ToLower().Contains(text)) || d.Body.ToLower().Contains(text));
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(d => d.Sectors.Contains(filter.Sector));
        }

        if (!string.IsNullOrEmpty(filter.Topic))
        {
            query = query.Where(d => d.Topics.Contains(filter.Topic));
        }

        if (Enum.TryParse<LibraryKind>(filter.Kind, ignoreCase: true, out var kind))
        {
            query = query.Where(d => d.Kind == kind);
        }

        return ValueTask.FromResult<IQueryable<LibraryDocument>>(query.OrderBy(d => d.Title).ThenBy(d => d.Id));
    }

    /// <summary>Published documents are public; drafts only for staff.</summary>
    public override IQueryable<LibraryDocument> VisibleTo(IQueryable<LibraryDocument> query, Actor actor) =>
        actor.IsStaff ? query : query.Where(d => d.IsPublished);

    public override bool MayCreate(Actor actor, LibraryDocumentInput input) => actor.IsStaff;

    public override bool MayChange(Actor actor, LibraryDocument entity) => actor.IsStaff;

    public static string KindLabel(LibraryKind kind) => kind == LibraryKind.CaseStudy ? "Case study" : "Session material";
}
