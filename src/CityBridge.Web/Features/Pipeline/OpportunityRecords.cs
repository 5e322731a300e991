using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CityBridge.Core.Domain;
using CityBridge.Core.Pipeline;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Pipeline;

public sealed record OpportunityDto(
    int Id, int ProviderId, string ProviderName, int ProjectId, string ProjectTitle, string CityName, string CountryCode, OpportunityStage Stage,
    decimal? ValueUsd, DateOnly? ExpectedCloseDate, DateOnly? WonOn, string? Products, string? Notes, Guid Version) : IRecordDto;

public sealed class OpportunityInput : IRecordInput<Opportunity>, IValidatableObject
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the provider.")]
    public int ProviderId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Choose the city project.")]
    public int ProjectId { get; set; }

    [EnumDataType(typeof(OpportunityStage), ErrorMessage = "Stage must be Introduced, Met, Proposal, Tender, Won or Lost.")]
    public OpportunityStage Stage { get; set; } = OpportunityStage.Introduced;

    [Range(typeof(decimal), "0", "100000000000", ErrorMessage = "The value must be between 0 and 100 billion USD.")]
    public decimal? ValueUsd { get; set; }

    public DateOnly? ExpectedCloseDate { get; set; }

    public DateOnly? WonOn { get; set; }

    [StringLength(1000)]
    public string? Products { get; set; }

    [StringLength(4000)]
    public string? Notes { get; set; }

    public Guid? Version { get; set; }

    public static OpportunityInput From(OpportunityDto o) => new()
    {
        ProviderId = o.ProviderId,
        ProjectId = o.ProjectId,
        Stage = o.Stage,
        ValueUsd = o.ValueUsd,
        ExpectedCloseDate = o.ExpectedCloseDate,
        WonOn = o.WonOn,
        Products = o.Products,
        Notes = o.Notes,
        Version = o.Version,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        PipelineRules.Check(Stage, ValueUsd, WonOn, Products).Select(p => new ValidationResult(p.Message, [char.ToUpperInvariant(p.Field[0]) + p.Field[1..]]));

    public Opportunity ToNewEntity()
    {
        var opportunity = new Opportunity();
        ApplyTo(opportunity);
        return opportunity;
    }

    public void ApplyTo(Opportunity entity)
    {
        entity.ProviderId = ProviderId;
        entity.ProjectId = ProjectId;
        entity.Stage = Stage;
        entity.ValueUsd = ValueUsd;
        entity.ExpectedCloseDate = ExpectedCloseDate;
        entity.WonOn = WonOn;
        entity.Products = Products?.Trim();
        entity.Notes = Notes?.Trim();
    }

    public Task CheckReferencesAsync(CityBridgeDb db, int? id, ValidationErrors errors, CancellationToken ct) =>
        CheckReferencesAsync(db, db.Projects, id, errors, ct);

    /// <summary>Checks the references against <paramref name="visibleProjects"/>, so a project the editor cannot see reads as missing.</summary>
    public async Task CheckReferencesAsync(CityBridgeDb db, IQueryable<PriorityProject> visibleProjects, int? id, ValidationErrors errors, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == ProviderId && o.Kind == OrganizationKind.Provider, ct))
        {
            errors.Add("providerId", $"There is no provider with id {ProviderId}.");
        }

        if (!await visibleProjects.AnyAsync(p => p.Id == ProjectId, ct))
        {
            errors.Add("projectId", $"There is no project with id {ProjectId}.");
            return;
        }

        if (await db.Opportunities.AnyAsync(o => o.ProviderId == ProviderId && o.ProjectId == ProjectId && o.Id != id, ct))
        {
            errors.Add("projectId", "This provider already has an opportunity for this project; update that one.");
        }
    }
}

public sealed class OpportunityDefinition : RecordDefinition<Opportunity, OpportunityInput, OpportunityDto>
{
    public static OpportunityDefinition Instance { get; } = new();

    public override string Plural => "opportunities";

    public override string Singular => "opportunity";

    public override Expression<Func<Opportunity, OpportunityDto>> ToDto { get; } = o =>
        new OpportunityDto(o.Id, o.ProviderId, o.Provider!.Name, o.ProjectId, o.Project!.Title, o.Project.City!.Name, o.Project.City.CountryCode, o.Stage,
            o.ValueUsd, o.ExpectedCloseDate, o.WonOn, o.Products, o.Notes, o.Version);

    protected override ValueTask<IQueryable<Opportunity>> FilterAsync(CityBridgeDb db, DirectoryFilter filter, CancellationToken ct)
    {
        var query = db.Opportunities.AsNoTracking();
        if (filter.Text is { } text)
        {
            query = query.WhereAnyContains(db, text, o => o.Provider!.Name, o => o.Project!.Title);
        }

        if (Enum.TryParse<OpportunityStage>(filter.Stage, ignoreCase: true, out var stage))
        {
            query = query.Where(o => o.Stage == stage);
        }

        if (!string.IsNullOrEmpty(filter.Country))
        {
            var code = filter.Country.ToUpperInvariant();
            query = query.Where(o => o.Project!.City!.CountryCode == code);
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(o => o.Project!.Sectors.Contains(filter.Sector));
        }

        if (filter.OrganizationId is { } providerId)
        {
            query = query.Where(o => o.ProviderId == providerId);
        }

        return ValueTask.FromResult<IQueryable<Opportunity>>(query.OrderBy(o => o.Stage).ThenBy(o => o.Provider!.Name).ThenBy(o => o.Id));
    }

    /// <summary>A provider sees only its own pipeline; a city official sees the opportunities on their city's projects.</summary>
    public override bool AnonymousMayRead => false;

    public override IQueryable<Opportunity> VisibleTo(IQueryable<Opportunity> query, Actor actor) =>
        actor.IsStaff ? query : QueryTemplate.Apply(SeenBySide, query, SideProvider(actor), Projects.ProjectDefinition.ReaderCity(actor));

    /// <summary>
    /// What a reader who is not staff sees of <c>opportunities</c>: their organization's and those on their city's
    /// projects. The sides are parameters (−1: none), so compiled queries use the same rule.
    /// </summary>
    public static readonly Expression<Func<IQueryable<Opportunity>, int, int, IQueryable<Opportunity>>> SeenBySide =
        (opportunities, provider, city) => opportunities.Where(o => o.ProviderId == provider || o.Project!.CityId == city);

    /// <summary>The provider whose pipeline the reader sees; −1 for none.</summary>
    public static int SideProvider(Actor actor) => actor.IsProvider ? actor.OrganizationId ?? -1 : -1;

    /// <summary>A project the editor cannot see answers exactly as one that does not exist, so ids reveal nothing.</summary>
    public override async Task CheckReferencesAsync(CityBridgeDb db, OpportunityInput input, int? id, Actor actor, ValidationErrors errors, CancellationToken ct)
    {
        // An opportunity keeps its project when that project is unpublished later.
        var unchanged = id is not null && await db.Opportunities.AnyAsync(o => o.Id == id && o.ProjectId == input.ProjectId, ct);
        var projects = unchanged ? db.Projects : Projects.ProjectDefinition.Instance.VisibleTo(db.Projects.AsNoTracking(), actor);
        await input.CheckReferencesAsync(db, projects, id, errors, ct);
    }

    public override bool MayCreate(Actor actor, OpportunityInput input) => actor.IsStaff || (actor.IsProvider && actor.ActsFor(input.ProviderId));

    public override bool MayCreateAny(Actor actor) => actor.IsStaff || (actor.IsProvider && actor.OrganizationId is not null);

    public override bool MayChange(Actor actor, Opportunity entity) => actor.IsStaff || (actor.IsProvider && actor.ActsFor(entity.ProviderId));
}
