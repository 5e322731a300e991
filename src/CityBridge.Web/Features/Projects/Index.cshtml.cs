using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Projects;

public sealed class IndexModel(CityBridgeDb db) : RecordListPage<PriorityProject, ProjectInput, ProjectDto>(db, ProjectDefinition.Instance);
