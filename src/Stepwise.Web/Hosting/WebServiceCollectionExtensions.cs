using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Storage;
using Stepwise.Web.Security;
using Stepwise.Workbench.Hosting;

namespace Stepwise.Web.Hosting;

/// <summary>The web app's services: the workspace's use cases, the pages, sign-in and the signed-in user.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>Adds everything the web app needs for <paramref name="settings"/>.</summary>
    public static IServiceCollection AddStepwiseWeb(this IServiceCollection services, WebHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);

        // One store and one set of use cases for the whole server: the store hands each operation its own pooled
        // connection, so concurrent requests and circuits share it safely.
        services.AddSingleton(TimeProvider.System);
        // The container owns the store, so it is closed when the server stops.
        services.AddSingleton(_ => WorkspaceStores.Open(settings.Workspace));
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new Workbench.Workbench(sp.GetRequiredService<Review.Storage.IWorkspaceStore>(), time, new Version7Ids(time));
        });
        services.AddHostedService<WorkspaceLifetime>();
        services.AddSingleton<Stages.SimulationRuns>();
        services.AddSingleton<Components.Steps.ScorecardRuns>();

        services.AddRazorComponents().AddInteractiveServerComponents(options => options.DetailedErrors = false);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        services.AddScoped<SignedInUser>();
        services.AddStepwiseSignIn(settings);

        var dataProtection = services.AddDataProtection().SetApplicationName("Stepwise");
        string profile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "stepwise", "keys");
        if ((settings.KeysFolder ?? KeysFolder.Choose(settings.Workspace, profile)) is { } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        else
        {
            // Nowhere to keep keys (a read-only workspace and no writable profile): sign-ins last until the server stops.
            dataProtection.UseEphemeralDataProtectionProvider();
        }

        return services;
    }
}
