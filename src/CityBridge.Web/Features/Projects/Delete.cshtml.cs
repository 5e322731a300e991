using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Projects;

public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<PriorityProject, ProjectInput, ProjectDto>(db, ProjectDefinition.Instance)
{
    public override string ListUrl => "/Projects";

    public override string DetailsUrl => "/Projects/Details";

    protected override string NameOf(ProjectDto record) => record.Title;
}
