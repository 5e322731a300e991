using CityBridge.Web.Data;

namespace CityBridge.Web;

/// <summary>Builds and runs the web host; shared by Program, the tests and the CLI.</summary>
public static class CityBridgeApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddCityBridgeDatabase(builder.Configuration);
        builder.Services.AddRazorPages();
        var app = builder.Build();
        app.MapRazorPages();
        return app;
    }

    public static async Task RunCityBridgeAsync(this WebApplication app)
    {
        await app.RunAsync();
    }
}
