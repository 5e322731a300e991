using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Cities;

public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<City, CityInput, CityDto>(db, CityDefinition.Instance)
{
    public override string ListUrl => "/Cities";

    public override string DetailsUrl => "/Cities/Details";

    protected override string NameOf(CityDto record) => record.Name;
}
