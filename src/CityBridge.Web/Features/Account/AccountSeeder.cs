using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Account;

/// <summary>Creates the roles, the documented demo accounts (demo data only) and the first staff invitation in production.</summary>
public sealed class AccountSeeder(UserManager<CityBridgeUser> users, RoleManager<IdentityRole> roles, CityBridgeDb db, TimeProvider clock, ILogger<AccountSeeder> logger)
{
    /// <summary>The password of every demo account; published in docs/security.md, so demo data never runs in Production.</summary>
    public const string DemoPassword = "CityBridge-demo-2026";

    /// <summary>The demo staff account's authenticator key (base32), published so a tester can add it to an authenticator app.</summary>
    public const string DemoStaffAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public const string DemoStaffEmail = "staff@citybridge.example";
    public const string DemoMakassarOfficialEmail = "official@makassar.example";
    public const string DemoDaNangOfficialEmail = "official@danang.example";
    public const string DemoProviderEmail = "provider@aquasense.example";
    public const string DemoExpertEmail = "expert@citybridge.example";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task SeedDemoAccountsAsync(CancellationToken ct)
    {
        if (await users.FindByEmailAsync(DemoStaffEmail) is not null)
        {
            return;
        }

        var makassar = await CityGovernmentAsync("Makassar", ct);
        var daNang = await CityGovernmentAsync("Da Nang", ct);
        var aquaSense = await db.Organizations.Where(o => o.Name == "AquaSense Analytics").Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);

        var staff = await CreateAsync(DemoStaffEmail, "Sam Program (staff)", Roles.Staff, null);
        await users.SetAuthenticationTokenAsync(staff, "[AspNetUserStore]", "AuthenticatorKey", DemoStaffAuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(staff, true);
        var makassarOfficial = await CreateAsync(DemoMakassarOfficialEmail, "Andi Rahman (Makassar)", Roles.CityOfficial, makassar);
        var daNangOfficial = await CreateAsync(DemoDaNangOfficialEmail, "Linh Tran (Da Nang)", Roles.CityOfficial, daNang);
        var provider = await CreateAsync(DemoProviderEmail, "Maria Alvarez (AquaSense)", Roles.Provider, aquaSense);
        var expert = await CreateAsync(DemoExpertEmail, "Dr. Chen Wei (expert)", Roles.Expert, null);
        var unpublished = await db.Projects.Where(p => !p.IsPublished && p.City!.Name != "Makassar").OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (unpublished is { } projectId)
        {
            db.ExpertAssignments.Add(new ExpertAssignment { UserId = expert.Id, ProjectId = projectId });
            await db.SaveChangesAsync(ct);
        }

        await Events.DemoEvent.SeedAsync(db, clock, [(makassarOfficial, makassar), (provider, aquaSense)], ct);
        await Programs.DemoPrograms.SeedAsync(db, clock, makassarOfficial, daNangOfficial, expert, ct);
        logger.LogInformation("Demo accounts created; see docs/security.md");
    }

    /// <summary>With no staff account yet, invites <paramref name="email"/> as the first staff member; the link is in the outbox and the log.</summary>
    public async Task InviteFirstStaffAsync(string email, Shared.PublicUrls publicUrls, CancellationToken ct)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Staff)).Count > 0)
        {
            return;
        }

        var invitations = new Invitations(users, db, clock);
        var (user, errors) = await invitations.InviteAsync(new InvitationInput { Email = email, FullName = "Program staff", Role = Roles.Staff },
            (invited, code) => publicUrls.Absolute($"/Account/ResetPassword?invitation=true&userId={invited.Id}&code={code}"), ct);
        if (user is null)
        {
            throw new InvalidOperationException($"CityBridge:FirstStaffEmail '{email}' could not be invited: {string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value))}");
        }

        var link = await db.Outbox.Where(m => m.To == user.Email).OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync(ct);
        logger.LogWarning("First staff account invited: {Email}. The invitation is in the outbox: {Body}", email, link);
    }

    private async Task<int> CityGovernmentAsync(string cityName, CancellationToken ct)
    {
        var city = await db.Cities.FirstAsync(c => c.Name == cityName, ct);
        var name = $"{cityName} City Government";
        var existing = await db.Organizations.FirstOrDefaultAsync(o => o.Name == name, ct);
        if (existing is not null)
        {
            return existing.Id;
        }

        var organization = new Organization { Name = name, Kind = OrganizationKind.CityGovernment, CityId = city.Id, CountryCode = city.CountryCode };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return organization.Id;
    }

    private async Task<CityBridgeUser> CreateAsync(string email, string fullName, string role, int? organizationId)
    {
        var user = new CityBridgeUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, OrganizationId = organizationId };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }
}
