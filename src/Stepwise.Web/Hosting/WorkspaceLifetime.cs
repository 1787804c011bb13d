using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Stepwise.Web.Hosting;

/// <summary>
/// Opens the workspace when the server starts, so a workspace that cannot be opened stops the server with its
/// message instead of failing the first request.
/// </summary>
internal sealed class WorkspaceLifetime(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<Workbench.Workbench>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
