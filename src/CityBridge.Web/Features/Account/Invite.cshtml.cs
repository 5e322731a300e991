using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Account;

[Authorize(Policy = AccountsRegistration.StaffPolicy)]
public sealed class InviteModel(Invitations invitations, CityBridgeDb db, PublicUrls urls) : PageModel
{
    [BindProperty]
    public InvitationInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organizations = await Choices.OrganizationsAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (user, errors) = await invitations.InviteAsync(Input,
                (invited, code) => urls.Absolute($"/Account/ResetPassword?invitation=true&userId={invited.Id}&code={code}"), ct);
            if (user is not null)
            {
                TempData["Flash"] = $"Invitation sent to {user.Email}. It waits in the outbox until it is delivered.";
                return RedirectToPage();
            }

            errors.CopyTo(ModelState, nameof(Input));
        }

        Organizations = await Choices.OrganizationsAsync(db, ct);
        return Page();
    }
}
