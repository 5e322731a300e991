using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Contacts;

public sealed class IndexModel(CityBridgeDb db) : RecordListPage<Contact, ContactInput, ContactDto>(db, ContactDefinition.Instance);
