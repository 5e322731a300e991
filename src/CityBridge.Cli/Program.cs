using CityBridge.Cli;

return await CliApp.RunAsync(args);
