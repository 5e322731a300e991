using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Library;

public sealed class DeleteModel(CityBridgeDb db) : RecordDeletePage<LibraryDocument, LibraryDocumentInput, LibraryDocumentDto>(db, LibraryDefinition.Instance)
{
    public override string ListUrl => "/Library";

    public override string DetailsUrl => "/Library/Edit";

    protected override string NameOf(LibraryDocumentDto record) => record.Title;
}
