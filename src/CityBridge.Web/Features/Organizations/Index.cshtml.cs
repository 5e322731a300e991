using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Organizations;

public sealed class IndexModel(CityBridgeDb db) : RecordListPage<Organization, OrganizationInput, OrganizationDto>(db, OrganizationDefinition.Instance);
