using System.Text.Json.Serialization;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Accounts;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.DataExchange;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Health;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Reference;
using CityBridge.Web.Features.Search;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
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
        services.AddScoped<CsvImporter>();
        services.AddSingleton<DirectoryCache>();
        services.AddScoped<CsvExporter>();
        services.AddProblemDetails();
        // Unreadable API input raises BadHttpRequestException, which BadRequestProblems turns into field-named problem details.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();
        services.AddCityBridgeHealth();
        Features.Telemetry.TelemetryRegistration.AddCityBridgeTelemetry(services, builder.Configuration);
        services.AddOpenApi(Features.Shared.OpenApiConventions.Apply);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddCityBridgePublicAddress(builder.Configuration);
        services.AddCityBridgeAccounts(builder.Configuration);
        services.AddScoped<Invitations>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<Features.Interests.InterestIntake>();
        services.AddScoped<Features.Contacts.ContactPrivacy>();
        services.AddScoped<Features.Library.LibraryLinks>();
        services.AddCityBridgeSearch();
        services.Configure<SmtpSettings>(builder.Configuration.GetSection("Smtp"));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.Configure<Features.Matching.MatchingOptions>(builder.Configuration.GetSection("Matching"));
        services.AddSingleton<Features.Matching.MatchingEngine>();
        services.AddHostedService<Features.Matching.MatchingWorker>();
        services.AddScoped<Features.Events.EventWorkflow>();
        services.AddScoped<Features.Events.EventDay>();
        services.AddScoped<Features.Events.CalendarFeeds>();
        services.AddScoped<Features.Events.EventEdits>();
        services.AddSingleton<Features.Jobs.JobLeases>();
        services.AddSingleton<Features.Events.EventScheduling>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Events.EventScheduling>());
        services.Configure<Features.Programs.ProgramOptions>(builder.Configuration.GetSection("Programs"));
        services.AddScoped<Features.Programs.ProgramWorkflow>();
        Features.My.MyRegistration.AddMyCityBridge(services, builder.Configuration);
        services.AddScoped<Features.Programs.ProgramItinerary>();
        services.AddScoped<Features.Programs.ProgramReport>();
        services.AddScoped<Features.Dashboard.DashboardFacts>();
        services.AddSingleton<Features.Programs.ProgramReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Programs.ProgramReminders>());
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Audit", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Outbox", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Interests", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Dashboard", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Matching", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Library/Edit", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Library/Delete", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Library/Links", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Events/Edit", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Events/Schedule", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Events/Tables", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Events/Agenda");
            o.Conventions.AuthorizePage("/Events/CheckIn", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Events/Funnel", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Events/Calendar");
            o.Conventions.AuthorizePage("/Programs/Edit", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Programs/Registrations", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Programs/Report", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Programs/Mine");
            o.Conventions.AuthorizeFolder("/My");
            o.Conventions.AuthorizePage("/Contacts/Privacy", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Pipeline");
            o.Conventions.AuthorizeFolder("/DataExchange", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Account/Invite", AccountsRegistration.StaffPolicy);
            o.Conventions.AuthorizePage("/Account/Tokens");
            o.Conventions.AuthorizePage("/Account/SetUpTwoFactor");
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
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
        app.MapCityBridgeHealth();
        app.MapReferenceApi();
        app.MapRecordApi(CityDefinition.Instance);
        app.MapRecordApi(OrganizationDefinition.Instance);
        app.MapRecordApi(ContactDefinition.Instance);
        app.MapRecordApi(SolutionDefinition.Instance);
        app.MapRecordApi(ProjectDefinition.Instance);
        app.MapRecordApi(Features.Pipeline.OpportunityDefinition.Instance);
        app.MapRecordApi(Features.Library.LibraryDefinition.Instance);
        Features.Search.SearchApi.MapSearchApi(app);
        app.MapDataExchangeApi();
        Features.Readiness.ReadinessApi.MapReadinessApi(app);
        Features.Matching.MatchingApi.MapMatchingApi(app);
        Features.Events.EventsApi.MapEventsApi(app);
        Features.Events.EventDayApi.MapEventDayApi(app);
        Features.Programs.ProgramsApi.MapProgramsApi(app);
        Features.My.MyApi.MapMyApi(app);
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
