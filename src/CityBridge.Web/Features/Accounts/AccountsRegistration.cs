using System.Threading.RateLimiting;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CityBridge.Web.Features.Accounts;

/// <summary>Identity, sign-in (cookie or personal API token), authorization policies and rate limits.</summary>
public static class AccountsRegistration
{
    public const string CombinedScheme = "CityBridge";
    public const string StaffPolicy = "Staff";
    public const string StaffWritePolicy = "StaffWrite";
    public const string SignInRateLimit = "sign-in";
    public const string PublicFormRateLimit = "public-form";

    public static IServiceCollection AddCityBridgeAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("CityBridge:SignInAttemptsPerMinute", 10);
        var publicFormPerMinute = configuration.GetValue("CityBridge:PublicFormPostsPerMinute", 5);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<CurrentActor>());

        services.AddIdentity<CityBridgeUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<CityBridgeDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CityBridgeClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CityBridge.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // The JSON API answers 401/403 problems instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CombinedScheme;
                o.DefaultAuthenticateScheme = CombinedScheme;
                o.DefaultChallengeScheme = CombinedScheme;
                o.DefaultForbidScheme = CombinedScheme;
            })
            .AddPolicyScheme(CombinedScheme, "Sign-in cookie or personal API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Staff))
            .AddPolicy(StaffWritePolicy, p => p.RequireRole(Roles.Staff).RequireClaim(ApiScopes.ClaimType, ApiScopes.Write));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => PostsPerClient(context, signInPerMinute));
            o.AddPolicy(PublicFormRateLimit, context => PostsPerClient(context, publicFormPerMinute));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "application/problem+json";
                await context.HttpContext.Response.WriteAsJsonAsync(new { title = "Too many requests", status = 429, detail = "Wait a minute and try again." }, ct);
            };
        });

        return services;
    }

    /// <summary>Limits form posts per client address; reading the form is never limited.</summary>
    private static RateLimitPartition<string> PostsPerClient(HttpContext context, int perMinute) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("read");

    private static Task ApiAwareRedirect(HttpContext context, string redirectUri, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return context.Response.WriteAsJsonAsync(
                new { title = apiStatus == 401 ? "Sign-in required" : "Not allowed", status = apiStatus },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A request that sends a bearer token which does not authenticate is refused, rather than served as anonymous.</summary>
    public static IApplicationBuilder UseRejectionOfInvalidTokens(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await context.ChallengeAsync(ApiTokenHandler.SchemeName);
            return;
        }

        await next(context);
    });

    /// <summary>Staff must sign in with a second factor; until they have one, only the account pages are open to them.</summary>
    public static IApplicationBuilder UseStaffTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var path = context.Request.Path;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
            && user.IsInRole(Roles.Staff) && !user.HasClaim(CityBridgeClaims.AuthenticationMethodReference, CityBridgeClaims.MultiFactor)
            && !path.StartsWithSegments("/Account") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/health"))
        {
            context.Response.Redirect("/Account/SetUpTwoFactor");
            return;
        }

        await next(context);
    });
}
