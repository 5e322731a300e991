using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Solutions;

public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<Solution, SolutionInput, SolutionDto>(db, SolutionDefinition.Instance)
{
    public override string ListUrl => "/Solutions";

    public override string DetailsUrl => "/Solutions/Edit";

    protected override string NameOf(SolutionDto record) => record.Name;
}
