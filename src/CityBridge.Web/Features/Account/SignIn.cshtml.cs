using System.ComponentModel.DataAnnotations;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CityBridge.Web.Features.Account;

[EnableRateLimiting(AccountsRegistration.SignInRateLimit)]
public sealed class SignInModel(SignInManager<CityBridgeUser> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Failures count per account and client (SignInThrottle), the same for addresses with and without an account.
        var client = AccountsRegistration.ClientOf(HttpContext);
        if (throttle.WaitFor(Input.Email, client) is { } wait)
        {
            ModelState.AddModelError(string.Empty, TooManyAttempts(wait));
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(Input.Email, client);
            return result.Succeeded
                ? LocalRedirect(SafeReturnUrl)
                : RedirectToPage("TwoFactor", new { returnUrl = SafeReturnUrl, rememberMe = Input.RememberMe });
        }

        throttle.Failed(Input.Email, client);
        // One message for a wrong password, an unknown, unconfirmed or locked account, so the form reveals no accounts.
        ModelState.AddModelError(string.Empty, throttle.WaitFor(Input.Email, client) is { } next
            ? TooManyAttempts(next)
            : "The e-mail address or the password is wrong. If you were just invited, first choose your password with the link in your invitation e-mail.");
        return Page();
    }

    private static string TooManyAttempts(TimeSpan wait) =>
        $"Too many failed attempts for this e-mail address from your device: wait {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s) and try again, or reset your password.";

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/My";
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public bool RememberMe { get; set; }
}
