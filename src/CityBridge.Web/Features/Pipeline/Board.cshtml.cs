using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;

namespace CityBridge.Web.Features.Pipeline;

[Authorize]
public sealed class BoardModel(CityBridgeDb db) : RecordListPage<Opportunity, OpportunityInput, OpportunityDto>(db, OpportunityDefinition.Instance);
