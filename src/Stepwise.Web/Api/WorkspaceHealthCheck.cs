using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api;

/// <summary>Healthy when the workspace can be read: what a load balancer or a monitoring probe needs to know.</summary>
internal sealed class WorkspaceHealthCheck(Workbench.Workbench bench) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = bench.Accounts.HasUsers;
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ProblemCatalog.Classify(ex) == ProblemKind.Unavailable)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The workspace cannot be read."));
        }
    }
}
