using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Account;

public sealed class SignOutModel(SignInManager<CityBridgeUser> signIn, UserManager<CityBridgeUser> users) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends every session of the account, also a copy of this cookie taken before signing out.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        TempData["Flash"] = "You are signed out on every device.";
        return LocalRedirect("/");
    }
}
