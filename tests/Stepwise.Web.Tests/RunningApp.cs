using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Web.Hosting;
using Stepwise.Workbench.Hosting;

namespace Stepwise.Web.Tests;

/// <summary>
/// The real web host (Kestrel on a free loopback port) over a fresh SQLite workspace in a temporary folder: what
/// <c>stepwise serve</c> runs, so tests see the same middleware, headers and pages a user does.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(WebApplication app, string folder, Uri address)
    {
        _app = app;
        Folder = folder;
        Address = address;
    }

    /// <summary>The temporary folder holding the workspace.</summary>
    public string Folder { get; }

    /// <summary>The app's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

    /// <summary>The workspace's use cases (for arranging what the pages cannot yet do, and for checking results).</summary>
    public Workbench.Workbench Bench => _app.Services.GetRequiredService<Workbench.Workbench>();

    /// <summary>Starts the app over a new, empty workspace.</summary>
    public static Task<RunningApp> StartAsync()
    {
        string folder = Directory.CreateTempSubdirectory("stepwise-web-").FullName;
        return StartAsync(Path.Combine(folder, "workspace.db"), folder);
    }

    /// <summary>Starts the app over the workspace file <paramref name="workspace"/>, with its keys in
    /// <paramref name="folder"/> (a temporary folder, removed with the app).</summary>
    public static async Task<RunningApp> StartAsync(string workspace, string folder)
    {
        var settings = new WebHostSettings
        {
            Workspace = WorkspaceLocation.File(workspace),
            Urls = "http://127.0.0.1:0",
            KeysFolder = Path.Combine(folder, "keys"),
        };
        var app = StepwiseWebHost.Build(settings);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, folder, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the store is removed with the temporary folder later.
        }
    }
}
