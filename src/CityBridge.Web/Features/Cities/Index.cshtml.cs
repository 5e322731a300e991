using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Cities;

public sealed class IndexModel(CityBridgeDb db) : RecordListPage<City, CityInput, CityDto>(db, CityDefinition.Instance);
