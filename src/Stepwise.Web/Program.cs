using Stepwise.Web.Hosting;

// Run on its own (dotnet run --project src/Stepwise.Web), the app reads its settings from the command line, the
// environment (STEPWISE_WORKSPACE, ASPNETCORE_URLS) and appsettings.json; 'stepwise serve' builds the same host.
var settings = WebHostSettings.FromConfiguration(args);
await using var app = StepwiseWebHost.Build(settings, args);
await app.RunAsync();
