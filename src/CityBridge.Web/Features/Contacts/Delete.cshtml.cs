using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Contacts;

public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<Contact, ContactInput, ContactDto>(db, ContactDefinition.Instance)
{
    public override string ListUrl => "/Contacts";

    public override string DetailsUrl => "/Contacts/Edit";

    protected override string NameOf(ContactDto record) => record.FullName;
}
