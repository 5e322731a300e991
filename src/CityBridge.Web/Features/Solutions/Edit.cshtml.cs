using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Solutions;

public sealed class EditModel(CityBridgeDb db) : RecordEditPage<Solution, SolutionInput, SolutionDto>(db, SolutionDefinition.Instance)
{
    public IReadOnlyList<Choice> Providers { get; private set; } = [];

    protected override SolutionInput ToInput(SolutionDto dto) => SolutionInput.From(dto);

    protected override SolutionInput NewInput() => new()
    {
        OrganizationId = int.TryParse(Request.Query["organizationId"], out var organizationId) ? organizationId : 0,
    };

    protected override string DetailsUrl(Solution saved) => $"/Organizations/Details/{saved.OrganizationId}";

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Providers = await Choices.OrganizationsAsync(Db, ct, OrganizationKind.Provider);
}
