using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Organizations;

public sealed class EditModel(CityBridgeDb db) : RecordEditPage<Organization, OrganizationInput, OrganizationDto>(db, OrganizationDefinition.Instance)
{
    public IReadOnlyList<Choice> Cities { get; private set; } = [];

    protected override OrganizationInput ToInput(OrganizationDto dto) => OrganizationInput.From(dto);

    protected override OrganizationInput NewInput() => new() { Kind = OrganizationKind.Provider, CountryCode = "US" };

    protected override string DetailsUrl(Organization saved) => $"/Organizations/Details/{saved.Id}";

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Cities = await Choices.CitiesAsync(Db, ct);
}
