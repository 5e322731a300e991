using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Projects;

public sealed class EditModel(CityBridgeDb db) : RecordEditPage<PriorityProject, ProjectInput, ProjectDto>(db, ProjectDefinition.Instance)
{
    public IReadOnlyList<Choice> Cities { get; private set; } = [];

    protected override ProjectInput ToInput(ProjectDto dto) => ProjectInput.From(dto);

    protected override ProjectInput NewInput() => new()
    {
        Stage = ProjectStage.Idea,
        CityId = int.TryParse(Request.Query["cityId"], out var cityId) ? cityId : 0,
    };

    protected override string DetailsUrl(PriorityProject saved) => $"/Projects/Details/{saved.Id}";

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Cities = await Choices.CitiesAsync(Db, ct);
}
