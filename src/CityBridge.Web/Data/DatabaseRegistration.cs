using CityBridge.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityBridge.Web.Data;

/// <summary>Which database engine the app runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The app's data folder: SQLite file and indexes. <c>CITYBRIDGE_DATA</c> overrides the per-user default.</summary>
public static class DataFolder
{
    public const string EnvironmentVariable = "CITYBRIDGE_DATA";

    public static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "CityBridge")
            : Path.GetFullPath(configured);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

public static class DatabaseRegistration
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be 'Sqlite' or 'Postgres', not '{value}'.");
    }

    /// <summary>The connection string in force: the configured one, else a SQLite file in the data folder.</summary>
    public static string ConnectionStringFrom(IConfiguration configuration, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("CityBridge");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:CityBridge (ConnectionStrings__CityBridge) is not set.");
        }

        return $"Data Source={Path.Combine(DataFolder.Resolve(), "citybridge.db")}";
    }

    public static IServiceCollection AddCityBridgeDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, provider);
        services.AddSingleton(new DatabaseSettings(provider, connectionString));
        // Each request leases a context from a pool and gives it back at the end: a new context resolved EF Core's scoped
        // services on every request, about 5 % of the app's CPU on the start pages under load (docs/benchmarks.md).
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresCityBridgeDb>(o => ConfigurePostgres(o, connectionString));
            services.AddScoped<CityBridgeDb>(Lease<PostgresCityBridgeDb>);
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteCityBridgeDb>(o => ConfigureSqlite(o, connectionString));
            services.AddScoped<CityBridgeDb>(Lease<SqliteCityBridgeDb>);
        }

        return services;
    }

    // The scope disposes the lease at its end, which returns the context to the pool.
    private static CityBridgeDb Lease<TContext>(IServiceProvider services)
        where TContext : CityBridgeDb =>
        services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .WorkFor(services.GetRequiredService<IAuditActor>(), services.GetRequiredService<TimeProvider>());

    /// <summary>A context outside a request (CLI, background work, tests), acting as <paramref name="actor"/> in the audit log.</summary>
    public static CityBridgeDb Create(DatabaseProvider provider, string connectionString, TimeProvider clock, IAuditActor? actor = null)
    {
        actor ??= new SystemActor("system");
        if (provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresCityBridgeDb>();
            ConfigurePostgres(options, connectionString);
            return new PostgresCityBridgeDb(options.Options).WorkFor(actor, clock);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteCityBridgeDb>();
            ConfigureSqlite(options, connectionString);
            return new SqliteCityBridgeDb(options.Options).WorkFor(actor, clock);
        }
    }

    /// <summary>A context for work outside a request, on the process's database.</summary>
    public static CityBridgeDb Create(this DatabaseSettings settings, TimeProvider clock, IAuditActor? actor = null) =>
        Create(settings.Provider, settings.ConnectionString, clock, actor);

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__EFMigrationsHistory"));

    internal static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithPostgresDefaults(connectionString));

    /// <summary>
    /// The connection string with two Npgsql settings the app relies on for speed, unless the operator set them: statements
    /// run often are prepared once per connection (<c>Max Auto Prepare</c>), and a connection going back to the pool keeps
    /// them (<c>No Reset On Close</c>; the app keeps no session state: its one lock is transaction-scoped). Measured on the
    /// start pages under load: PostgreSQL's CPU per page fell to about a third (docs/benchmarks.md).
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}

/// <summary>The database the process is connected to.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);

/// <summary>Lets `dotnet ef migrations add` build the SQLite context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCityBridgeDb>
{
    public SqliteCityBridgeDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteCityBridgeDb>();
        DatabaseRegistration.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteCityBridgeDb(options.Options);
    }
}

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCityBridgeDb>
{
    public PostgresCityBridgeDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCityBridgeDb>();
        DatabaseRegistration.ConfigurePostgres(options, "Host=localhost;Database=citybridge_design");
        return new PostgresCityBridgeDb(options.Options);
    }
}
