using CityBridge.Web.Data;
using CityBridge.Web.Features.Reference;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Cities;

public sealed class EditModel(CityBridgeDb db) : RecordEditPage<City, CityInput, CityDto>(db, CityDefinition.Instance)
{
    public IReadOnlyList<CountryDto> Countries { get; private set; } = [];

    protected override CityInput ToInput(CityDto dto) => CityInput.From(dto);

    protected override string DetailsUrl(City saved) => $"/Cities/Details/{saved.Id}";

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Countries = await ReferenceApi.CountryRows(Db).ToListAsync(ct);
}
