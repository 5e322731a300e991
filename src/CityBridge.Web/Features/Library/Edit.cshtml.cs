using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;

namespace CityBridge.Web.Features.Library;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class EditModel(CityBridgeDb db) : RecordEditPage<LibraryDocument, LibraryDocumentInput, LibraryDocumentDto>(db, LibraryDefinition.Instance)
{
    protected override LibraryDocumentInput ToInput(LibraryDocumentDto dto) => LibraryDocumentInput.From(dto);

    protected override string DetailsUrl(LibraryDocument saved) => $"/Library/{saved.Slug}";
}
