using CityBridge.Web.Features.Accounts;
using Microsoft.Playwright;
using OtpNet;

namespace CityBridge.Browser.Tests;

/// <summary>Signs a page in through the real sign-in form, with the second factor where the account has one.</summary>
public static class SignIn
{
    private static readonly SemaphoreSlim CodeGate = new(1, 1);
    private static long _lastStep = -1;

    public static async Task AsAsync(IPage page, string email, string? authenticatorKey = null)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AccountSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (authenticatorKey is not null)
        {
            await page.GetByLabel("Authentication code").FillAsync(await UnusedCodeAsync(authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public static Task AsStaffAsync(IPage page) => AsAsync(page, AccountSeeder.DemoStaffEmail, AccountSeeder.DemoStaffAuthenticatorKey);

    /// <summary>
    /// The current authenticator code, from a 30-second step no earlier sign-in of these tests used: the app accepts each
    /// code once (docs/security.md), so a second sign-in within one step waits for the next.
    /// </summary>
    public static async Task<string> UnusedCodeAsync(string authenticatorKey)
    {
        await CodeGate.WaitAsync();
        try
        {
            var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            if (step <= _lastStep)
            {
                var nextStep = DateTimeOffset.FromUnixTimeSeconds((_lastStep + 1) * 30);
                await Task.Delay(nextStep - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(250));
            }

            var now = DateTime.UtcNow;
            _lastStep = new DateTimeOffset(now).ToUnixTimeSeconds() / 30;
            return new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(now);
        }
        finally
        {
            CodeGate.Release();
        }
    }
}
