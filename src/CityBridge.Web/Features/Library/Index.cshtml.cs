using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Library;

public sealed class IndexModel(CityBridgeDb db) : RecordListPage<LibraryDocument, LibraryDocumentInput, LibraryDocumentDto>(db, LibraryDefinition.Instance);
