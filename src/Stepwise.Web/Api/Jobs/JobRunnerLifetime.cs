using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Stepwise.Web.Api.Jobs;

/// <summary>Creates the job runner when the server starts, which marks the jobs a previous process left unfinished as
/// interrupted before anyone reads them.</summary>
internal sealed class JobRunnerLifetime(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ApiJobs>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
