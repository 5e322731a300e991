using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Pipeline;

public sealed class IndexModel(CityBridgeDb db) : RecordListPage<Opportunity, OpportunityInput, OpportunityDto>(db, OpportunityDefinition.Instance);
