using CityBridge.Web.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityBridge.Cli.Data;

/// <summary>Opens the same database the web app uses, configured the same way (environment variables and appsettings.json).</summary>
internal static class CliDatabase
{
    public static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    public static CityBridgeDb Open()
    {
        var configuration = Configuration();
        var provider = DatabaseRegistration.ProviderFrom(configuration);
        return DatabaseRegistration.Create(provider, DatabaseRegistration.ConnectionStringFrom(configuration, provider), TimeProvider.System);
    }

    public static DataSeeder Seeder(CityBridgeDb db) => new(db, NullLogger<DataSeeder>.Instance);
}
