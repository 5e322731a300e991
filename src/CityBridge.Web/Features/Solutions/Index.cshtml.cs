using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Solutions;

public sealed class IndexModel(CityBridgeDb db) : RecordListPage<Solution, SolutionInput, SolutionDto>(db, SolutionDefinition.Instance);
