using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api;

/// <summary>
/// Ready when the workspace can be read: what a load balancer or a monitoring probe needs to know before sending
/// work. Liveness (<c>/health/live</c>) runs no check: the process answers.
/// </summary>
internal sealed class WorkspaceHealthCheck(Workbench.Workbench bench) : IHealthCheck
{
    /// <summary>The tag of the checks that readiness runs.</summary>
    public const string ReadinessTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = bench.Accounts.HasUsers;
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ProblemCatalog.Classify(ex) is ProblemKind.Unavailable or ProblemKind.Bug)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The workspace cannot be read."));
        }
    }
}
