using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Stepwise.Web.Api;

namespace Stepwise.Web.Hosting;

/// <summary>
/// Builds the web host: the same for <c>stepwise serve</c>, the app run on its own, and the end-to-end tests. The
/// composition lives in <see cref="WebServiceCollectionExtensions.AddStepwiseWeb"/> (services),
/// <see cref="WebApplicationExtensions.UseStepwiseWeb"/> (middleware), <see cref="WebApplicationExtensions.MapStepwiseUi"/>
/// (pages) and the HTTP API's own pair in <c>Api/</c>.
/// </summary>
public static class StepwiseWebHost
{
    /// <summary>The application name: the static-asset manifests are found by it, whichever program hosts the app.</summary>
    public const string ApplicationName = "Stepwise.Web";

    /// <summary>Builds the host for <paramref name="settings"/> (not yet started).</summary>
    public static WebApplication Build(WebHostSettings settings, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = ApplicationName,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The scripts and styles are served from the build output in every environment, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseUrls(settings.Urls);
        if (!settings.Verbose)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

            // The key folder is readable by its owner only; the warning that keys are not encrypted at rest says nothing new.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        }

        builder.Services.AddStepwiseWeb(settings);
        builder.Services.AddStepwiseApi();

        var app = builder.Build();
        app.UseStepwiseWeb();
        app.MapStepwiseApi();
        app.MapStepwiseUi();
        return app;
    }
}
