using System.Diagnostics;
using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Core.Matching;
using CityBridge.Web;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Solutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityBridge.Load.Bench;

/// <summary>
/// Fills the configured database with the generated market (the same generator as `citybridge generate market`),
/// through the product's own DbContext (so audit and change-feed rows are written as in production), and writes the
/// benchmark's staff token and URL list.
/// </summary>
internal static class MarketLoad
{
    public const string StaffEmail = "load-bench@citybridge.example";
    private const int Batch = 2_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var providers = Option(args, "--providers", 100_000);
        var projects = Option(args, "--projects", 10_000);
        var seed = Option(args, "--seed", 1);
        var outDir = Directory.CreateDirectory(OptionText(args, "--out") ?? "bench-load-out");

        var app = CityBridgeApp.Build([]);
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
        var stopwatch = Stopwatch.StartNew();
        if (await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Provider) < providers)
        {
            var market = MarketGenerator.Generate(seed, providers, projects);
            await InsertProvidersAsync(db, market.Providers);
            await InsertProjectsAsync(db, market.Projects);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {providers:N0} providers and {projects:N0} projects in {stopwatch.Elapsed.TotalSeconds:F0} s"));
        }
        else
        {
            Console.WriteLine("The market is already loaded.");
        }

        var token = await StaffTokenAsync(scope.ServiceProvider, db);
        await File.WriteAllTextAsync(Path.Combine(outDir.FullName, "token"), token);
        var urls = await LoadUrls.BuildAsync(db, seed);
        await File.WriteAllLinesAsync(Path.Combine(outDir.FullName, "urls.txt"), urls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {urls.Count} URLs and the staff token to {outDir.FullName}"));

        // The start pages (/My) read as the people they are for: staff, providers and city officials, each with a token.
        var people = new List<(string Role, string Token)> { ("staff", token) };
        people.AddRange(await WorkspaceTokensAsync(scope.ServiceProvider, db, Roles.Provider, WorkspaceAccounts, seed));
        people.AddRange(await WorkspaceTokensAsync(scope.ServiceProvider, db, Roles.CityOfficial, WorkspaceAccounts, seed));
        await File.WriteAllLinesAsync(Path.Combine(outDir.FullName, "workspace-tokens"), people.Select(p => $"{p.Role} {p.Token}"));
        var random = new Random(seed);
        await File.WriteAllLinesAsync(Path.Combine(outDir.FullName, "workspace-urls.txt"),
            Enumerable.Range(0, 36_000).Select(_ => string.Create(CultureInfo.InvariantCulture, $"{random.Next(people.Count) + 1} /My")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {people.Count} start-page accounts' tokens and 36,000 start-page requests"));
        return 0;
    }

    /// <summary>How many providers and how many city officials the start-page run signs in as.</summary>
    private const int WorkspaceAccounts = 40;

    /// <summary>
    /// Accounts of <paramref name="role"/> for <paramref name="count"/> organizations picked by seed (providers of the
    /// market; for officials, the government of a city with projects, made when missing), each with a one-day read token.
    /// </summary>
    private static async Task<List<(string Role, string Token)>> WorkspaceTokensAsync(IServiceProvider services, CityBridgeDb db, string role, int count, int seed)
    {
        var random = new Random(seed + role.Length);
        List<int> organizations;
        if (role == Roles.Provider)
        {
            var providerIds = await db.Organizations.Where(o => o.Kind == OrganizationKind.Provider).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
            organizations = [.. Enumerable.Range(0, count).Select(_ => providerIds[random.Next(providerIds.Count)]).Distinct()];
        }
        else
        {
            var cities = await db.Projects.Select(p => p.CityId).Distinct().OrderBy(id => id).ToListAsync();
            organizations = [];
            foreach (var cityId in cities.OrderBy(_ => random.Next()).Take(count))
            {
                var government = await db.Organizations.Where(o => o.Kind == OrganizationKind.CityGovernment && o.CityId == cityId).Select(o => (int?)o.Id).FirstOrDefaultAsync();
                if (government is null)
                {
                    var city = await db.Cities.SingleAsync(c => c.Id == cityId);
                    var created = new Organization { Name = $"{city.Name} City Government", Kind = OrganizationKind.CityGovernment, CityId = city.Id, CountryCode = city.CountryCode };
                    db.Organizations.Add(created);
                    await db.SaveChangesAsync();
                    government = created.Id;
                }

                organizations.Add(government.Value);
            }
        }

        var tokens = new List<(string, string)>();
        foreach (var organizationId in organizations)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"load-{role.ToLowerInvariant()}-{organizationId}@citybridge.example");
            tokens.Add((role, await TokenAsync(services, db, email, $"Load benchmark ({role})", role, organizationId)));
        }

        return tokens;
    }

    private static async Task InsertProvidersAsync(CityBridgeDb db, IReadOnlyList<MatchProvider> providers)
    {
        foreach (var chunk in providers.Chunk(Batch))
        {
            db.Organizations.AddRange(chunk.Select(p => new Organization
            {
                Name = p.Name,
                Kind = OrganizationKind.Provider,
                CountryCode = "US",
                Description = p.Description,
                Sectors = [.. p.Sectors],
                ExperienceCountries = [.. p.Countries],
                Standards = [.. p.Standards],
                Solutions = [.. p.Solutions.Select(s => new Solution { Name = s.Name, Description = s.Description, Sectors = [.. s.Sectors], Standards = [.. s.Standards] })],
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static async Task InsertProjectsAsync(CityBridgeDb db, IReadOnlyList<MatchProject> projects)
    {
        var cities = await db.Cities.AsNoTracking().Select(c => new { c.Id, c.Name, c.CountryCode }).ToListAsync();
        int CityOf(MatchProject p) =>
            cities.FirstOrDefault(c => c.Name == p.City && c.CountryCode == p.Country)?.Id
            ?? cities.FirstOrDefault(c => c.CountryCode == p.Country)?.Id
            ?? cities[0].Id;

        foreach (var chunk in projects.Chunk(Batch))
        {
            db.Projects.AddRange(chunk.Select(p => new PriorityProject
            {
                CityId = CityOf(p),
                Title = p.Title,
                Description = p.Description,
                Sectors = [.. p.Sectors],
                Stage = p.Stage ?? ProjectStage.Idea,
                BudgetUsd = p.BudgetUsd,
                StandardsWanted = [.. p.Standards],
                IsPublished = true,
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A staff account (no second factor needed for a bearer token) and a fresh one-day read token for it.</summary>
    private static Task<string> StaffTokenAsync(IServiceProvider services, CityBridgeDb db) =>
        TokenAsync(services, db, StaffEmail, "Load benchmark (staff)", Roles.Staff, organizationId: null);

    /// <summary>The account <paramref name="email"/> (made when missing) and a fresh one-day read token for it.</summary>
    private static async Task<string> TokenAsync(IServiceProvider services, CityBridgeDb db, string email, string fullName, string role, int? organizationId)
    {
        var users = services.GetRequiredService<UserManager<CityBridgeUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new CityBridgeUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, OrganizationId = organizationId };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
        }

        // Staff tokens work only for staff with a second factor (docs/security.md); the benchmark's staff account has one.
        if (role == Roles.Staff && !user.TwoFactorEnabled)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var secret = ApiTokenHandler.NewSecret();
        var now = DateTimeOffset.UtcNow;
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = "load benchmark",
            Hash = ApiTokenHandler.HashOf(secret),
            Prefix = secret[..10],
            Scopes = ApiScopes.Read,
            CreatedAt = now,
            ExpiresAt = now.AddDays(1),
        });
        await db.SaveChangesAsync();
        return secret;
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
