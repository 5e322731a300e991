using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;

namespace CityBridge.Web.Features.Library;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<LibraryDocument, LibraryDocumentInput, LibraryDocumentDto>(db, LibraryDefinition.Instance)
{
    public override string ListUrl => "/Library";

    public override string DetailsUrl => "/Library/Edit";

    protected override string NameOf(LibraryDocumentDto record) => record.Title;
}
