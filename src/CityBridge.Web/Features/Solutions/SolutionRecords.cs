using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Solutions;

public sealed record SolutionDto(int Id, int OrganizationId, string ProviderName, string Name, string? Description, IReadOnlyList<string> Sectors, IReadOnlyList<string> Standards, IReadOnlyList<string> ReferenceCities, Guid Version) : IRecordDto;

public sealed class SolutionInput : IRecordInput<Solution>
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the provider that offers this solution.")]
    public int OrganizationId { get; set; }

    [Required(ErrorMessage = "Enter the solution's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "Keep the description under 4,000 characters.")]
    public string? Description { get; set; }

    [SectorKeys]
    [MinLength(1, ErrorMessage = "Choose at least one sector.")]
    public List<string> Sectors { get; set; } = [];

    public List<string> Standards { get; set; } = [];

    public List<string> ReferenceCities { get; set; } = [];

    [JsonIgnore]
    public string? StandardsText { get => ListText.Join(Standards); set => Standards = ListText.Split(value); }

    [JsonIgnore]
    public string? ReferenceCitiesText { get => ListText.Join(ReferenceCities); set => ReferenceCities = ListText.Split(value); }

    public Guid? Version { get; set; }

    public static SolutionInput From(SolutionDto s) => new()
    {
        OrganizationId = s.OrganizationId,
        Name = s.Name,
        Description = s.Description,
        Sectors = [.. s.Sectors],
        Standards = [.. s.Standards],
        ReferenceCities = [.. s.ReferenceCities],
        Version = s.Version,
    };

    public Solution ToNewEntity()
    {
        var solution = new Solution { Name = string.Empty };
        ApplyTo(solution);
        return solution;
    }

    public void ApplyTo(Solution entity)
    {
        entity.OrganizationId = OrganizationId;
        entity.Name = Name.Trim();
        entity.Description = Description?.Trim();
        entity.Sectors = ListText.Normalize(Sectors);
        entity.Standards = ListText.Normalize(Standards);
        entity.ReferenceCities = ListText.Normalize(ReferenceCities);
    }

    public async Task CheckReferencesAsync(CityBridgeDb db, int? id, ValidationErrors errors, CancellationToken ct)
    {
        var kind = await db.Organizations.Where(o => o.Id == OrganizationId).Select(o => (OrganizationKind?)o.Kind).FirstOrDefaultAsync(ct);
        if (kind is null)
        {
            errors.Add("organizationId", $"There is no organization with id {OrganizationId}.");
        }
        else if (kind != OrganizationKind.Provider)
        {
            errors.Add("organizationId", "Solutions belong to provider organizations; this organization is not a provider.");
        }
    }
}

public sealed class SolutionDefinition : RecordDefinition<Solution, SolutionInput, SolutionDto>
{
    public static SolutionDefinition Instance { get; } = new();

    public override string Plural => "solutions";

    public override string Singular => "solution";

    public override Expression<Func<Solution, SolutionDto>> ToDto { get; } = s =>
        new SolutionDto(s.Id, s.OrganizationId, s.Organization!.Name, s.Name, s.Description, s.Sectors, s.Standards, s.ReferenceCities, s.Version);

    protected override ValueTask<IQueryable<Solution>> FilterAsync(CityBridgeDb db, DirectoryFilter filter, CancellationToken ct)
    {
        var query = db.Solutions.AsNoTracking();
        if (filter.Text is { } text)
        {
            query = query.WhereSearchTextContains(db, text);
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            // The overlap form (&& on PostgreSQL) is what the list's GIN index answers; Contains becomes = ANY, a full scan.
            string[] sectors = [filter.Sector];
            query = query.Where(s => s.Sectors.Any(x => sectors.Contains(x)));
        }

        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(s => s.OrganizationId == organizationId);
        }

        // Alphabetical regardless of letter case, and (as for organizations) no walk of the name index for a filtered page.
        return ValueTask.FromResult<IQueryable<Solution>>(query.OrderBy(s => s.Name.ToLower()).ThenBy(s => s.Id));
    }

    /// <summary>Everyone sees the same directory.</summary>
    public override string? CacheAudience(Actor actor) => "everyone";

    public override bool MayCreate(Actor actor, SolutionInput input) => actor.IsStaff || (actor.IsProvider && actor.ActsFor(input.OrganizationId));

    public override bool MayCreateAny(Actor actor) => actor.IsStaff || (actor.IsProvider && actor.OrganizationId is not null);

    public override bool MayChange(Actor actor, Solution entity) => actor.IsStaff || (actor.IsProvider && actor.ActsFor(entity.OrganizationId));
}
