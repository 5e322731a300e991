using System.Security.Claims;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Account;

/// <summary>Who is asking, with what the access rules need: roles, organization, its city, assigned projects, write scope.</summary>
public sealed record Actor(string? UserId, string Name, IReadOnlySet<string> Roles, int? OrganizationId, int? CityId, IReadOnlySet<int> AssignedProjectIds, bool MayWrite)
{
    public static Actor Anonymous { get; } = new(null, "anonymous", new HashSet<string>(), null, null, new HashSet<int>(), MayWrite: false);

    /// <summary>The account's full name, as people are shown; null for the anonymous actor.</summary>
    public string? FullName { get; init; }

    public bool IsSignedIn => UserId is not null;

    public bool IsStaff => Roles.Contains(Account.Roles.Staff);

    /// <summary>Staff with write scope: what managing programs, events, the library and match curation need.</summary>
    public bool IsStaffWriter => IsStaff && MayWrite;

    public bool IsCityOfficial => Roles.Contains(Account.Roles.CityOfficial);

    public bool IsProvider => Roles.Contains(Account.Roles.Provider);

    /// <summary>True when the actor speaks for organization <paramref name="organizationId"/>.</summary>
    public bool ActsFor(int organizationId) => OrganizationId == organizationId;

    /// <summary>True for a city official of city <paramref name="cityId"/>.</summary>
    public bool IsOfficialOf(int cityId) => IsCityOfficial && CityId == cityId;
}

/// <summary>Claims CityBridge adds to a signed-in principal.</summary>
public static class CityBridgeClaims
{
    public const string OrganizationId = "cb:org";
    public const string FullName = "cb:name";
    public const string AuthenticationMethodReference = "amr";
    public const string MultiFactor = "mfa";
}

/// <summary>The actor of the current request, loaded once per request; also the audit log's "who".</summary>
public sealed class CurrentActor(IHttpContextAccessor http, IServiceProvider services) : IAuditActor
{
    private Actor? _actor;

    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => http.HttpContext is null ? _backgroundJob ?? "system"
        : Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "unknown" : "anonymous";

    private string? _backgroundJob;

    /// <summary>Work outside a request (a scheduler run) saves under the job's name in the audit log, not as "anonymous".</summary>
    public void ActAsBackgroundJob(string name) => _backgroundJob = name;

    public async Task<Actor> GetAsync(CancellationToken ct = default)
    {
        if (_actor is not null)
        {
            return _actor;
        }

        var principal = Principal;
        if (principal?.Identity?.IsAuthenticated != true || UserId is not { } userId)
        {
            return _actor = Actor.Anonymous;
        }

        var db = services.GetRequiredService<CityBridgeDb>();
        int? organizationId = int.TryParse(principal.FindFirstValue(CityBridgeClaims.OrganizationId), out var org) ? org : null;
        // Without an organization the query finds no city, so CityId is null.
        var facts = await FactsOf.For(db)(db, userId, organizationId, ct);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var scopes = principal.FindAll(ApiScopes.ClaimType).Select(c => c.Value).ToHashSet();
        return _actor = new Actor(userId, UserName, roles, organizationId, facts?.CityId, (facts?.Assigned ?? []).ToHashSet(), MayWrite: scopes.Contains(ApiScopes.Write))
        {
            FullName = facts?.FullName,
        };
    }

    private sealed class ActorFacts
    {
        public string FullName { get; init; } = "";

        public int? CityId { get; init; }

        public List<int> Assigned { get; init; } = [];
    }

    // One query for the account's name, the city a government organization stands for and the projects assigned to the
    // user. Every signed-in request runs it, so it is compiled once (no expression tree built and looked up per request).
    private static readonly CompiledPerModel<Func<CityBridgeDb, string, int?, CancellationToken, Task<ActorFacts?>>> FactsOf = new(() => EF.CompileAsyncQuery(
        (CityBridgeDb db, string userId, int? organizationId, CancellationToken ct) => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new ActorFacts
        {
            FullName = u.FullName,
            CityId = db.Organizations.Where(o => o.Id == organizationId && o.Kind == OrganizationKind.CityGovernment).Select(o => o.CityId).FirstOrDefault(),
            Assigned = db.ExpertAssignments.Where(a => a.UserId == u.Id).Select(a => a.ProjectId).ToList(),
        }).FirstOrDefault()));
}
