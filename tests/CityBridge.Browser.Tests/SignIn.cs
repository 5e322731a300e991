using CityBridge.Web.Features.Account;
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

        await ExpectSignedInAsync(page);
    }

    /// <summary>
    /// Checks the header offers "Sign out". On a narrow screen (960 px or less) the header's links sit in a collapsed menu,
    /// so this opens it as a phone user would tap "Menu", and closes it again to leave the page as it was.
    /// </summary>
    public static async Task ExpectSignedInAsync(IPage page)
    {
        var signOut = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", IncludeHidden = true });
        // Wait for the signed-in page and its stylesheet: before the CSS applies, the menu button shows on any width.
        await Assertions.Expect(signOut).ToBeAttachedAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        var opened = await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        if (opened)
        {
            await page.Locator("label[for='menu-toggle']").ClickAsync();
            await Assertions.Expect(page.Locator("#menu-toggle")).Not.ToBeCheckedAsync();
        }
    }

    /// <summary>Taps "Menu" when the header menu is collapsed (narrow screens); true when it opened it, false when the links already show.</summary>
    public static async Task<bool> OpenMenuAsync(IPage page)
    {
        var menuButton = page.Locator("label[for='menu-toggle']");
        if (!await menuButton.IsVisibleAsync() || await page.Locator("#menu-toggle").IsCheckedAsync())
        {
            return false;
        }

        await menuButton.ClickAsync();
        await Assertions.Expect(page.Locator("#menu-toggle")).ToBeCheckedAsync();
        return true;
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
