using System.ComponentModel.DataAnnotations;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CityBridge.Web.Features.Account;

[EnableRateLimiting(AccountsRegistration.PublicFormRateLimit)]
public sealed class ForgotPasswordModel(UserManager<CityBridgeUser> users, CityBridgeDb db, TimeProvider clock, PublicUrls urls) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        // The same answer whether or not the address has an account, so the page reveals no accounts.
        if (user is not null && user.EmailConfirmed)
        {
            var code = AccountLinks.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = urls.Absolute($"/Account/ResetPassword?userId={user.Id}&code={code}");
            db.Enqueue(user.Email!, EmailTemplates.PasswordReset, new Dictionary<string, string>
            {
                ["FullName"] = user.FullName,
                ["Link"] = link,
            }, clock);
            await db.SaveChangesAsync(ct);
        }

        Sent = true;
        return Page();
    }
}
