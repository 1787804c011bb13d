using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Stepwise.Web.Api.Jobs;

/// <summary>Creates the job runner when the server starts, which marks the jobs a previous process left unfinished as
/// interrupted before anyone reads them; when the server stops, stops the jobs it runs and waits for their end to be
/// recorded.</summary>
internal sealed class JobRunnerLifetime(IServiceProvider services) : IHostedService
{
    private ApiJobs? _runner;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _runner = services.GetRequiredService<ApiJobs>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _runner?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
