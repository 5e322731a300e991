using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Library;

public sealed class EditModel(CityBridgeDb db) : RecordEditPage<LibraryDocument, LibraryDocumentInput, LibraryDocumentDto>(db, LibraryDefinition.Instance)
{
    protected override LibraryDocumentInput ToInput(LibraryDocumentDto dto) => LibraryDocumentInput.From(dto);

    protected override string DetailsUrl(LibraryDocument saved) => $"/Library/{saved.Slug}";
}
