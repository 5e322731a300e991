using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CityBridge.Web.Features.Account;
using Microsoft.Playwright;
using OtpNet;

namespace CityBridge.Browser.Tests;

/// <summary>
/// Signs a page in. The first sign-in of each account (per browser, so per app) goes through the real sign-in form, with
/// the second factor where the account has one; later ones give the page that session's cookies, as a returning user's
/// browser would have them, and land on the same page the form led to. Tests about signing in itself use the form
/// directly (AccountTests). Reusing sessions spares each staff sign-in a wait for an unused authenticator code.
/// </summary>
public static class SignIn
{
    private static readonly SemaphoreSlim CodeGate = new(1, 1);
    private static readonly ConditionalWeakTable<IBrowser, ConcurrentDictionary<string, Session>> Sessions = [];
    private static long _lastStep = -1;

    public static async Task AsAsync(IPage page, string email, string? authenticatorKey = null)
    {
        var sessions = Sessions.GetOrCreateValue(page.Context.Browser!);
        if (sessions.TryGetValue(email, out var session))
        {
            await page.Context.AddCookiesAsync(session.Cookies);
            await page.GotoAsync(session.LandingPath);
            // A session ends when its user signs out (the app then refuses its cookies): sign in through the form again.
            if (await SignOutButton(page).CountAsync() > 0)
            {
                await ExpectSignedInAsync(page);
                return;
            }

            await page.Context.ClearCookiesAsync();
        }

        await ThroughTheFormAsync(page, email, authenticatorKey);
        var cookies = (await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            Expires = c.Expires,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }).ToList();
        sessions[email] = new Session(cookies, new Uri(page.Url).PathAndQuery);
    }

    private static async Task ThroughTheFormAsync(IPage page, string email, string? authenticatorKey)
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
        var signOut = SignOutButton(page);
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

    /// <summary>The header's "Sign out" button, also while it sits in the collapsed phone menu.</summary>
    private static ILocator SignOutButton(IPage page) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out", IncludeHidden = true });

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
    /// An authenticator code from a 30-second step no earlier sign-in of these tests used. The app accepts each code once
    /// (docs/security.md) and, for clocks a little apart, codes of the steps either side of now; so this takes the current
    /// step or else the next one, and waits for a new step only when both are used.
    /// </summary>
    public static async Task<string> UnusedCodeAsync(string authenticatorKey)
    {
        await CodeGate.WaitAsync();
        try
        {
            var current = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            if (_lastStep > current)
            {
                // Both the current step and the next are used: wait until the next one is current.
                var nextStep = DateTimeOffset.FromUnixTimeSeconds((current + 1) * 30);
                await Task.Delay(nextStep - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(250));
                current = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            }

            var step = Math.Max(current, _lastStep + 1);
            _lastStep = step;
            return new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
        }
        finally
        {
            CodeGate.Release();
        }
    }

    private sealed record Session(IReadOnlyList<Cookie> Cookies, string LandingPath);
}
