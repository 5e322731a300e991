using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Account;

/// <summary>Sets a password from an e-mailed link: a password reset, or accepting an invitation (which also confirms the address).</summary>
public sealed class ResetPasswordModel(UserManager<CityBridgeUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Invitation { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountLinks.Decode(Code);
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, "This link is not valid. Ask for a new one.");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty,
                    error.Code == "InvalidToken" ? "This link has expired or was already used. Ask for a new one." : error.Description);
            }

            return Page();
        }

        if (Invitation && !user.EmailConfirmed)
        {
            // The link reached the invited address, which proves it.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        Done = true;
        return Page();
    }
}
