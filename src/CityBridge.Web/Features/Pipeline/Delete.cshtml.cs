using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;

namespace CityBridge.Web.Features.Pipeline;

[Authorize]
public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<Opportunity, OpportunityInput, OpportunityDto>(db, OpportunityDefinition.Instance)
{
    public override string ListUrl => "/Pipeline";

    public override string DetailsUrl => "/Pipeline/Edit";

    protected override string NameOf(OpportunityDto record) => $"{record.ProviderName} – {record.ProjectTitle}";
}
