using System.Text;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Contacts;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class PrivacyModel(ContactPrivacy privacy) : PageModel
{
    public int ContactId { get; private set; }

    public IActionResult OnGet(int id)
    {
        ContactId = id;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        var json = await privacy.ExportAsync(id, ct);
        return json is null ? NotFound() : File(Encoding.UTF8.GetBytes(json), "application/json", $"contact-{id}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(int id, CancellationToken ct)
    {
        if (!await privacy.EraseAsync(id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "The contact's personal data was erased; the record and counts remain.";
        return Redirect("/Contacts");
    }
}
