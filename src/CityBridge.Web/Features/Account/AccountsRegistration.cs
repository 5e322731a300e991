using System.Threading.RateLimiting;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CityBridge.Web.Features.Account;

/// <summary>Identity, sign-in (cookie or personal API token), authorization policies and rate limits.</summary>
public static class AccountsRegistration
{
    public const string CombinedScheme = "CityBridge";
    public const string StaffPolicy = "Staff";
    public const string StaffWritePolicy = "StaffWrite";
    public const string SignInRateLimit = "sign-in";
    public const string PublicFormRateLimit = "public-form";

    public static IServiceCollection AddAccountFeature(this IServiceCollection services, IConfiguration configuration)
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
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<CityBridgeClaimsFactory>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<Invitations>();
        services.AddScoped<AccountSeeder>();

        // A copied session cookie stops working once the account's security stamp changes (sign-out, password reset):
        // the stamp is checked on every request unless CityBridge:SessionCheckInterval says otherwise.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = configuration.GetValue("CityBridge:SessionCheckInterval", TimeSpan.Zero);
            o.OnRefreshingPrincipal = context =>
            {
                // The refreshed session keeps the proof of a second factor it was signed in with.
                var proofs = context.CurrentPrincipal?.FindAll(CityBridgeClaims.AuthenticationMethodReference).ToList() ?? [];
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaims(proofs.Where(p => !identity.HasClaim(p.Type, p.Value)).Select(p => new System.Security.Claims.Claim(p.Type, p.Value)));
                }

                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CityBridge.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, also behind a known TLS proxy (X-Forwarded-Proto, see ForwardedHeaders).
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
            // Sign-in posts count per account and client, so people behind one venue's address do not use up each other's
            // attempts; a ceiling per client (ten times as many) still stops one address trying many accounts.
            o.AddPolicy(SignInRateLimit, context => PostsPerClient(context, signInPerMinute, SignInAccount(context)));
            o.AddPolicy(PublicFormRateLimit, context => PostsPerClient(context, publicFormPerMinute, account: null));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context) ? PostsPerClient(context, signInPerMinute * 10, account: null) : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = async (context, ct) =>
            {
                // Pages get the styled status page (status-code pages re-execute /Status/429); the API gets problem details.
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await context.HttpContext.Response.WriteAsJsonAsync(
                        new { title = "Too many requests", status = 429, detail = "Wait a minute and try again." },
                        (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
                }
            };
        });

        return services;
    }

    /// <summary>Limits form posts per client address (and account, when given); reading the form is never limited.</summary>
    private static RateLimitPartition<string> PostsPerClient(HttpContext context, int perMinute, string? account) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{ClientOf(context)}|{account}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("read");

    /// <summary>The client's address: the connection's, or the one a known proxy forwarded (see ForwardedHeaders).</summary>
    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private const string SignInAccountItem = "CityBridge.SignInAccount";

    private static bool IsSignInPost(HttpContext context) => HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.StartsWithSegments("/Account/SignIn") || context.Request.Path.StartsWithSegments("/Account/TwoFactor"));

    private static string? SignInAccount(HttpContext context) => context.Items[SignInAccountItem] as string;

    /// <summary>Reads the account a sign-in post names before the rate limiter partitions it (the limiter cannot read the body).</summary>
    public static IApplicationBuilder UseSignInAccountPartition(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsSignInPost(context) && context.Request.Path.StartsWithSegments("/Account/SignIn") && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            context.Items[SignInAccountItem] = SignInThrottle.AccountKey(form["Input.Email"].ToString());
        }

        await next(context);
    });

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

    /// <summary>
    /// Staff must sign in with a second factor; until they have one, only setting it up and signing out work (their API
    /// tokens are refused by <see cref="ApiTokenHandler"/>).
    /// </summary>
    public static IApplicationBuilder UseStaffTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme
            && user.IsInRole(Roles.Staff) && !user.HasClaim(CityBridgeClaims.AuthenticationMethodReference, CityBridgeClaims.MultiFactor)
            && !OpenWithoutSecondFactor(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(
                    new { title = "Not allowed", status = 403, detail = "Set up two-factor authentication at /Account/SetUpTwoFactor first." },
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
                return;
            }

            context.Response.Redirect("/Account/SetUpTwoFactor");
            return;
        }

        await next(context);
    });

    private static bool OpenWithoutSecondFactor(PathString path) =>
        path.StartsWithSegments("/Account/SetUpTwoFactor") || path.StartsWithSegments("/Account/SignOut")
        || path.StartsWithSegments("/Status") || path.StartsWithSegments("/Error") || path.StartsWithSegments("/health")
        || (Path.HasExtension(path.Value) && !path.StartsWithSegments("/api"));
}
