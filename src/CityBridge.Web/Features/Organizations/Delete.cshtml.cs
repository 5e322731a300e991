using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Organizations;

public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<Organization, OrganizationInput, OrganizationDto>(db, OrganizationDefinition.Instance)
{
    public override string ListUrl => "/Organizations";

    public override string DetailsUrl => "/Organizations/Details";

    protected override string NameOf(OrganizationDto record) => record.Name;
}
