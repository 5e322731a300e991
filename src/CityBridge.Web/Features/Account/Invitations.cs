using System.ComponentModel.DataAnnotations;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Account;

public sealed class InvitationInput
{
    [Required(ErrorMessage = "Enter the person's e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the person's full name.")]
    [StringLength(200)]
    public string FullName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose a role.")]
    [RegularExpression("^(Staff|CityOfficial|Provider|Expert)$", ErrorMessage = "Role must be Staff, CityOfficial, Provider or Expert.")]
    public string Role { get; set; } = Roles.Provider;

    /// <summary>The city government (for officials) or provider (for providers) the person acts for.</summary>
    public int? OrganizationId { get; set; }
}

/// <summary>Sign-up is by invitation: staff create the account, and the invitee sets a password from the e-mailed link.</summary>
public sealed class Invitations(UserManager<CityBridgeUser> users, CityBridgeDb db, TimeProvider clock)
{
    public async Task<(CityBridgeUser? User, ValidationErrors Errors)> InviteAsync(InvitationInput input, Func<CityBridgeUser, string, string> acceptLink, CancellationToken ct)
    {
        var errors = ValidationErrors.Annotations(input);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var requiredKind = input.Role switch
        {
            Roles.CityOfficial => OrganizationKind.CityGovernment,
            Roles.Provider => OrganizationKind.Provider,
            _ => (OrganizationKind?)null,
        };
        if (requiredKind is { } kind)
        {
            var actual = await db.Organizations.Where(o => o.Id == input.OrganizationId).Select(o => (OrganizationKind?)o.Kind).FirstOrDefaultAsync(ct);
            if (actual != kind)
            {
                errors.Add("organizationId", kind == OrganizationKind.CityGovernment
                    ? "A city official acts for a city government: choose one."
                    : "A provider's employee acts for a provider organization: choose one.");
                return (null, errors);
            }
        }

        if (await users.FindByEmailAsync(input.Email.Trim()) is not null)
        {
            errors.Add("email", "Somebody with this e-mail address already has an account.");
            return (null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new CityBridgeUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            FullName = input.FullName.Trim(),
            OrganizationId = requiredKind is null ? null : input.OrganizationId,
            InvitedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                errors.Add("email", error.Description);
            }

            return (null, errors);
        }

        await users.AddToRoleAsync(user, input.Role);
        var link = acceptLink(user, Account.AccountLinks.Encode(await users.GeneratePasswordResetTokenAsync(user)));
        db.Enqueue(user.Email, EmailTemplates.Invitation, new Dictionary<string, string>
        {
            ["FullName"] = user.FullName,
            ["Role"] = RoleLabel(input.Role),
            ["Link"] = link,
        }, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (user, errors);
    }

    public static string RoleLabel(string role) => role switch
    {
        Roles.Staff => "program staff",
        Roles.CityOfficial => "a city official",
        Roles.Provider => "a provider",
        _ => "an expert advisor",
    };
}
