using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CityBridge.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityBridge.Web.Features.Account;

/// <summary>Personal API tokens: <c>Authorization: Bearer cb_…</c>. Only a SHA-256 hash is stored.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CityBridgeDb db,
    UserManager<CityBridgeUser> users,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string Prefix = "cb_";

    public static string NewSecret() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = HashOf(header["Bearer ".Length..].Trim());
        var found = await FindToken.For(db)(db, hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        var token = found?.Token;
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        var user = found!.User;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's account is locked or gone.");
        }

        var roles = found.Roles.OfType<string>().ToList();
        if (roles.Contains(Roles.Staff) && !user.TwoFactorEnabled)
        {
            // Until a staff account has a second factor, its tokens open nothing (docs/security.md).
            return AuthenticateResult.Fail("Staff accounts must set up two-factor authentication before their API tokens work.");
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Email ?? user.Id),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ApiScopes.ClaimType, s)));
        if (user.OrganizationId is { } org)
        {
            claims.Add(new Claim(CityBridgeClaims.OrganizationId, org.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private sealed class TokenFacts
    {
        public required ApiToken Token { get; init; }

        public CityBridgeUser? User { get; init; }

        public List<string?> Roles { get; init; } = [];
    }

    // One query for the token, its account and the account's roles: every API request signs in through it, so it is
    // compiled once (no expression tree built and looked up per request).
    private static readonly CompiledPerModel<Func<CityBridgeDb, string, CancellationToken, Task<TokenFacts?>>> FindToken = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, string hash, CancellationToken ct) => (
            from t in db.ApiTokens.AsNoTracking()
            where t.Hash == hash
            join u in db.Users.AsNoTracking() on t.UserId equals u.Id into accounts
            from u in accounts.DefaultIfEmpty()
            select new TokenFacts
            {
                Token = t,
                User = u,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == t.UserId select r.Name).ToList(),
            }).FirstOrDefault()));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new { title = "Sign-in required", status = 401, detail = "Send a valid personal API token: Authorization: Bearer cb_…" }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}

/// <summary>Adds the organization, full name and (for browser sessions) full write scope to signed-in users.</summary>
public sealed class CityBridgeClaimsFactory(UserManager<CityBridgeUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CityBridgeUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CityBridgeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CityBridgeClaims.FullName, user.FullName));
        identity.AddClaim(new Claim(ApiScopes.ClaimType, ApiScopes.Read));
        identity.AddClaim(new Claim(ApiScopes.ClaimType, ApiScopes.Write));
        if (user.OrganizationId is { } org)
        {
            identity.AddClaim(new Claim(CityBridgeClaims.OrganizationId, org.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
