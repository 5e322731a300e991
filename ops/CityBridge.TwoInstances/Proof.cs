using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.TwoInstances;

/// <summary>Where the two instances and their database are.</summary>
public sealed record ProofSettings(Uri A, Uri B, string Database, int SmtpPort, string StateFile)
{
    public static ProofSettings FromEnvironment()
    {
        static string Need(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : throw new ProofException($"{name} is not set");
        return new ProofSettings(
            new Uri(Need("PROOF_A")),
            new Uri(Need("PROOF_B")),
            Need("PROOF_DB"),
            int.Parse(Environment.GetEnvironmentVariable("PROOF_SMTP_PORT") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            Environment.GetEnvironmentVariable("PROOF_STATE") ?? Path.Combine(Path.GetTempPath(), "citybridge-proof.json"));
    }
}

/// <summary>The proof could not run (an instance is down, an arrangement failed); not an invariant violation.</summary>
public sealed class ProofException(string message) : Exception(message);

/// <summary>What every proof step uses: database access, API clients acting as users at either instance, shared state.</summary>
public sealed class Proof(ProofSettings settings)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProofSettings Settings => settings;

    /// <summary>Both instances, in the order the work alternates between them.</summary>
    public IReadOnlyList<Uri> Instances => [settings.A, settings.B];

    /// <summary>A short tag that keeps the names of this run apart from earlier runs on the same database.</summary>
    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    public CityBridgeDb NewDb() => DatabaseRegistration.Create(DatabaseProvider.Postgres, settings.Database, TimeProvider.System);

    /// <summary>One API client per instance acting as the user, through one personal token with write scope.</summary>
    public async Task<UserClients> ClientsForAsync(string userId)
    {
        await using var db = NewDb();
        var secret = ApiTokenHandler.NewSecret();
        db.ApiTokens.Add(new ApiToken { UserId = userId, Name = "two-instances proof", Hash = ApiTokenHandler.HashOf(secret), Prefix = secret[..10], Scopes = "read write", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return new UserClients(userId, Instances.Select(uri =>
        {
            var client = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            return client;
        }).ToList());
    }

    public async Task<UserClients> ClientsForEmailAsync(string email)
    {
        await using var db = NewDb();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync()
            ?? throw new ProofException($"no account {email}: instance A must start with demo data");
        return await ClientsForAsync(id);
    }

    /// <summary>Creates an account in a role without a password (it acts only through API tokens).</summary>
    public async Task<string> CreateUserAsync(string email, string fullName, string role, int? organizationId = null)
    {
        await using var db = NewDb();
        var user = new CityBridgeUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            FullName = fullName,
            OrganizationId = organizationId,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async Task SaveStateAsync(JsonObject state) => await File.WriteAllTextAsync(settings.StateFile, state.ToJsonString());

    public async Task<JsonObject> LoadStateAsync() =>
        JsonNode.Parse(await File.ReadAllTextAsync(settings.StateFile))?.AsObject() ?? throw new ProofException($"{settings.StateFile} is empty");

    /// <summary>Waits until the condition holds, polling every half second; throws with the description when time runs out.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new ProofException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Drops the proof's database (with its connections) once the instances are gone.</summary>
    public async Task<IReadOnlyList<string>> DropDatabaseAsync()
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(settings.Database);
        var name = target.Database ?? throw new ProofException("PROOF_DB names no database");
        target.Database = "postgres";
        await using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        return [];
    }

    public static void Log(string line) => Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {line}");
}

/// <summary>One user's API clients, one per instance.</summary>
public sealed record UserClients(string UserId, IReadOnlyList<HttpClient> Clients)
{
    /// <summary>The client at instance i modulo two, so work alternates between the instances.</summary>
    public HttpClient At(int i) => Clients[i % Clients.Count];
}
