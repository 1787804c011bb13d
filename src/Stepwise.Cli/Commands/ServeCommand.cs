using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Stepwise.Cli.Infrastructure;
using Stepwise.Web.Hosting;
using Stepwise.Workbench.Hosting;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise serve</c>: the web app over a workspace, on this machine only unless told otherwise.</summary>
internal static class ServeCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "serve";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Serve the web app over a workspace: sign in, and run reviews in the browser. Stops with Ctrl+C.";

    public static Command Create()
    {
        var workspace = new Option<string>("--workspace", "-w", "--connection")
        {
            Description = "The workspace to serve: a SQLite file (created when missing), or a PostgreSQL connection string such as 'Host=db;Database=stepwise;Username=stepwise'. Default: STEPWISE_WORKSPACE, else stepwise.db.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STEPWISE_WORKSPACE") is { Length: > 0 } env ? env : WorkspaceLocation.DefaultFile,
        };
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, e.g. http://127.0.0.1:8080 (several separated by ';'). Default: {WebHostSettings.DefaultUrl}, this machine only.",
            DefaultValueFactory = _ => WebHostSettings.DefaultUrl,
        };
        var command = new Command(Name, Description) { workspace, urls };
        command.SetRun((parse, context, cancellation) =>
        {
            var location = WorkspaceLocation.Parse(parse.GetValue(workspace));
            string listen = parse.GetValue(urls)!;
            CheckUrls(listen, context);
            var settings = WebHostSettings.FromConfiguration([]) with { Workspace = location, Urls = listen };
            using var app = StepwiseWebHost.Build(settings);
            app.StartAsync(cancellation).GetAwaiter().GetResult();
            var bench = app.Services.GetRequiredService<Workbench.Workbench>();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [listen];
            context.Output.WriteLine($"Stepwise is serving the workspace {location}");
            context.Output.WriteLine($"Open {string.Join(" or ", addresses)} in a browser. Press Ctrl+C to stop.");
            if (!bench.Accounts.HasUsers)
            {
                context.Output.WriteLine("The workspace has no accounts yet: the first visit asks for its administrator.");
            }

            context.Output.Flush();
            app.WaitForShutdownAsync(cancellation).GetAwaiter().GetResult();
            app.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }

    // Plain HTTP beyond this machine sends passwords and cookies in clear text: allowed (behind a proxy that terminates
    // HTTPS), but said.
    private static void CheckUrls(string urls, CliContext context)
    {
        foreach (string url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new UserError($"--urls: '{url}' is not an http:// or https:// address such as http://127.0.0.1:8080.");
            }

            bool local = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
            if (!local && uri.Scheme == Uri.UriSchemeHttp)
            {
                context.Warn($"{url} serves other machines over plain HTTP: sign-in passwords and cookies travel unencrypted. Serve it behind HTTPS.");
            }
        }
    }
}
