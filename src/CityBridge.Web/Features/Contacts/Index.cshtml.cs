using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Contacts;

public sealed class IndexModel(CityBridgeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DirectoryFilter Filter { get; set; } = new();

    public PagedList<ContactDto> Contacts { get; private set; } = new([], 0, 1, DirectoryFilter.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        Contacts = await ContactDefinition.Instance.Query(db, Filter).Select(ContactDefinition.Instance.ToDto).ToPageAsync(Filter, ct);
}
