using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Library;

public sealed class DetailsModel(CityBridgeDb db) : PageModel
{
    public LibraryDocumentDto Document { get; private set; } = null!;

    /// <summary>The Markdown body rendered and sanitized: the only HTML the page writes unencoded.</summary>
    public string SafeHtml { get; private set; } = string.Empty;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var document = await LibraryDefinition.Instance.VisibleTo(db.LibraryDocuments.AsNoTracking(), actor)
            .Where(d => d.Slug == slug).Select(LibraryDefinition.Instance.ToDto).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        SafeHtml = LibraryMarkdown.ToSafeHtml(document.Body);
        CanEdit = actor.IsStaffWriter;
        return Page();
    }
}
