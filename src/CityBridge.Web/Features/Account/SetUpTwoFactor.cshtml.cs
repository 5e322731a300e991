using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityBridge.Web.Features.Account;

[Authorize]
public sealed class SetUpTwoFactorModel(UserManager<CityBridgeUser> users, SignInManager<CityBridgeUser> signIn) : PageModel
{
    public string SharedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    public bool AlreadyEnabled { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
    [RegularExpression("^[0-9 ]{6,7}$", ErrorMessage = "The code has 6 digits.")]
    public string Code { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        AlreadyEnabled = user.TwoFactorEnabled;
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", string.Empty, StringComparison.Ordinal));
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
                // This session has just proven the second factor.
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(CityBridgeClaims.AuthenticationMethodReference, CityBridgeClaims.MultiFactor)]);
                AlreadyEnabled = true;
                return Page();
            }

            ModelState.AddModelError(nameof(Code), "That code does not match. Check the key you entered and the time on your phone.");
        }

        await LoadKeyAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(CityBridgeUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which every request checks: renew this session's cookie with it.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/CityBridge:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=CityBridge&digits=6";
    }
}
