using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Contacts;

public sealed class EditModel(CityBridgeDb db) : RecordEditPage<Contact, ContactInput, ContactDto>(db, ContactDefinition.Instance)
{
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    protected override ContactInput ToInput(ContactDto dto) => ContactInput.From(dto);

    protected override ContactInput NewInput() => new()
    {
        OrganizationId = int.TryParse(Request.Query["organizationId"], out var organizationId) ? organizationId : 0,
    };

    protected override string DetailsUrl(Contact saved) => $"/Organizations/Details/{saved.OrganizationId}";

    protected override async Task LoadChoicesAsync(CancellationToken ct) => Organizations = await Choices.OrganizationsAsync(Db, ct);
}
