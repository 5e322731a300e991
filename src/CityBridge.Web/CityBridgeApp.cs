using System.Text.Json.Serialization;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Dashboard;
using CityBridge.Web.Features.DataExchange;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Health;
using CityBridge.Web.Features.Interests;
using CityBridge.Web.Features.Jobs;
using CityBridge.Web.Features.Library;
using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.My;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Programs;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Readiness;
using CityBridge.Web.Features.Reference;
using CityBridge.Web.Features.Search;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using CityBridge.Web.Features.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Scalar.AspNetCore;

namespace CityBridge.Web;

/// <summary>Builds and runs the web host; shared by Program, the tests and the CLI.</summary>
public static class CityBridgeApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name locates the static-assets manifest, also when a test host starts the app.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(CityBridgeApp).Assembly.GetName().Name });
        // Serve wwwroot and its pre-compressed copies straight from the build output in every environment, not only
        // Development; a published app has no runtime manifest and this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddCityBridgeDatabase(builder.Configuration);
        // Keys live in the database: every instance behind the proxy reads the same ring.
        services.AddDataProtection().SetApplicationName("CityBridge").PersistKeysToDbContext<CityBridgeDb>();
        services.AddScoped<DataSeeder>();
        services.AddSingleton<DirectoryCache>();
        services.AddProblemDetails();
        // Unreadable API input raises BadHttpRequestException, which BadRequestProblems turns into field-named problem details.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddOpenApi(OpenApiConventions.Apply);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddCityBridgePublicAddress(builder.Configuration);
        // Who may open a page is declared on its page model ([Authorize]); the matrix test guards every page and endpoint.
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddHealthFeature();
        services.AddTelemetryFeature(builder.Configuration);
        services.AddAccountFeature(builder.Configuration);
        services.AddSearchFeature();
        services.AddEmailFeature(builder.Configuration);
        services.AddJobsFeature();
        services.AddDataExchangeFeature();
        services.AddContactsFeature();
        services.AddLibraryFeature();
        services.AddInterestsFeature();
        services.AddMatchingFeature(builder.Configuration);
        services.AddEventsFeature();
        services.AddMyFeature(builder.Configuration);
        services.AddProgramsFeature(builder.Configuration);
        services.AddDashboardFeature();
        return builder.Build();
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var demoData = app.Configuration.GetValue("CityBridge:DemoData", defaultValue: true);
        if (demoData && app.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "CityBridge:DemoData is true in the Production environment. The demo data set has accounts whose passwords are published " +
                "in docs/security.md; set CityBridge:DemoData=false (environment CityBridge__DemoData=false) and CityBridge:FirstStaffEmail to invite the first staff member.");
        }

        PublicUrls.Require(app.Configuration, app.Environment);
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DataSeeder>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        await seeder.MigrateAsync(ct);
        await seeder.SeedReferenceDataAsync(ct);
        await accounts.EnsureRolesAsync();
        if (demoData)
        {
            await seeder.SeedDemoDataAsync(ct);
            await Features.Library.DemoLibrary.SeedAsync(scope.ServiceProvider.GetRequiredService<CityBridgeDb>(), ct);
            await accounts.SeedDemoAccountsAsync(ct);
        }

        if (app.Configuration["CityBridge:FirstStaffEmail"] is { Length: > 0 } firstStaff)
        {
            await accounts.InviteFirstStaffAsync(firstStaff, app.Services.GetRequiredService<PublicUrls>(), ct);
        }
    }

    public static WebApplication UseCityBridge(this WebApplication app)
    {
        app.UseCityBridgeForwardedHeaders();
        app.UseSecurityHeaders();
        // The API answers errors as problem details; pages show a friendly page, never a stack trace.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/Status/{0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.MapStaticAssets();
        app.UseRouting();
        app.UseSignInAccountPartition();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRejectionOfInvalidTokens();
        app.UseAuthorization();
        app.UseStaffTwoFactorRequirement();
        app.UseAntiforgery();

        app.MapOpenApi();
        // System fonts: the default fonts come from a CDN, which the content security policy (rightly) blocks.
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("CityBridge API").DisableDefaultFonts());
        app.MapHealthFeature();
        app.MapReferenceFeature();
        app.MapCitiesFeature();
        app.MapOrganizationsFeature();
        app.MapContactsFeature();
        app.MapSolutionsFeature();
        app.MapProjectsFeature();
        app.MapPipelineFeature();
        app.MapLibraryFeature();
        app.MapSearchFeature();
        app.MapDataExchangeFeature();
        app.MapReadinessFeature();
        app.MapMatchingFeature();
        app.MapEventsFeature();
        app.MapProgramsFeature();
        app.MapMyFeature();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    public static async Task RunCityBridgeAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        app.UseCityBridge();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            foreach (var address in addresses)
            {
                Console.WriteLine($"CityBridge is running at {address}  (database: {settings.Provider}; press Ctrl+C to stop)");
            }
        });
        await app.RunAsync();
    }
}
