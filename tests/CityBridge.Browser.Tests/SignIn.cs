using CityBridge.Web.Features.Accounts;
using Microsoft.Playwright;
using OtpNet;

namespace CityBridge.Browser.Tests;

/// <summary>Signs a page in through the real sign-in form, with the second factor where the account has one.</summary>
public static class SignIn
{
    public static async Task AsAsync(IPage page, string email, string? authenticatorKey = null)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AccountSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (authenticatorKey is not null)
        {
            await page.GetByLabel("Authentication code").FillAsync(new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp());
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public static Task AsStaffAsync(IPage page) => AsAsync(page, AccountSeeder.DemoStaffEmail, AccountSeeder.DemoStaffAuthenticatorKey);
}
