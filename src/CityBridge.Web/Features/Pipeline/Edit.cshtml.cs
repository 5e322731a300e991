using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Pipeline;

[Authorize]
public sealed class EditModel(CityBridgeDb db) : RecordEditPage<Opportunity, OpportunityInput, OpportunityDto>(db, OpportunityDefinition.Instance)
{
    public IReadOnlyList<Choice> Providers { get; private set; } = [];

    public IReadOnlyList<Choice> Projects { get; private set; } = [];

    protected override OpportunityInput ToInput(OpportunityDto dto) => OpportunityInput.From(dto);

    protected override string DetailsUrl(Opportunity saved) => "/Pipeline";

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        Providers = actor.IsStaff
            ? await Choices.OrganizationsAsync(Db, ct, OrganizationKind.Provider)
            : await Db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        Projects = await VisibleProjectsAsync(actor, ct);
    }

    private Task<List<Choice>> VisibleProjectsAsync(Account.Actor actor, CancellationToken ct) =>
        Features.Projects.ProjectDefinition.Instance.VisibleTo(Db.Projects.AsNoTracking(), actor)
            .OrderBy(p => p.City!.Name).ThenBy(p => p.Title)
            .Select(p => new Choice(p.Id, p.City!.Name + ": " + p.Title)).ToListAsync(ct);
}
