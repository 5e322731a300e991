using Microsoft.AspNetCore.Identity;

namespace CityBridge.Web.Features.Account;

/// <summary>A person who signs in: staff, a city official, a provider's employee or an expert.</summary>
public sealed class CityBridgeUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>The city government or provider the person acts for; null for staff and experts.</summary>
    public int? OrganizationId { get; set; }

    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted, so no code works twice.</summary>
    public long? LastAuthenticatorStep { get; set; }
}

/// <summary>The roles of the program; see docs/security.md for what each may see and change.</summary>
public static class Roles
{
    public const string Staff = "Staff";
    public const string CityOfficial = "CityOfficial";
    public const string Provider = "Provider";
    public const string Expert = "Expert";

    public static readonly string[] All = [Staff, CityOfficial, Provider, Expert];
}

/// <summary>An expert advisor assigned to review a priority project.</summary>
public sealed class ExpertAssignment
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public int ProjectId { get; set; }
}

/// <summary>A personal API token; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the secret token.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so its owner can recognise it.</summary>
    public required string Prefix { get; set; }

    /// <summary>"read" or "read write".</summary>
    public required string Scopes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>Token scopes.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string ClaimType = "scope";
}
