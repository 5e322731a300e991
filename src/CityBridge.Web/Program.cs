using CityBridge.Web;

var app = CityBridgeApp.Build(args);
await app.RunCityBridgeAsync();

/// <summary>Entry point marker for WebApplicationFactory.</summary>
public partial class Program;
