using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Accounts;
using Stepwise.Web.Api.Analyses;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Data;
using Stepwise.Web.Api.Files;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Monitoring;
using Stepwise.Web.Api.Problems;
using Stepwise.Web.Api.Quality;
using Stepwise.Web.Api.Reports;
using Stepwise.Web.Api.Reviews;
using Stepwise.Web.Api.Stages;

namespace Stepwise.Web.Api;

/// <summary>
/// The HTTP API's routes: everything under <c>/api/v1</c> (one <c>MapXxxApi</c> per resource, each calling the use-case
/// layer as the caller), the OpenAPI document at <c>/openapi/v1.json</c>, and the health checks at <c>/health</c>
/// (readiness: the workspace can be read), <c>/health/ready</c> and <c>/health/live</c> (the process answers).
/// </summary>
public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps the HTTP API.</summary>
    public static IEndpointRouteBuilder MapStepwiseApi(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi("/openapi/{documentName}.json");
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(WorkspaceHealthCheck.ReadinessTag) });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(WorkspaceHealthCheck.ReadinessTag) });
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });

        var api = routes.MapGroup(ApiRoutes.Prefix)
            .RequireAuthorization(ApiAuthentication.Policy)
            .AddEndpointFilter<ProblemFilter>()
            .AddEndpointFilter<SameOriginFilter>()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status500InternalServerError);

        api.MapAccountsApi()
            .MapTokensApi()
            .MapReviewsApi()
            .MapMembersApi()
            .MapStakeholdersApi()
            .MapScopeApi()
            .MapSignOffsApi()
            .MapHistoryApi()
            .MapVerifyApi()
            .MapDataApi()
            .MapAnalysesApi()
            .MapStepsApi()
            .MapOptionsApi()
            .MapDecisionsApi()
            .MapMonitoringApi()
            .MapArchiveApi()
            .MapQualityApi()
            .MapFilesApi()
            .MapReportsApi()
            .MapJobsApi();

        routes.Map("/api/{**path}", (HttpContext http, EndpointDataSource endpoints) => ApiFallback.Answer(http, endpoints)).ExcludeFromDescription();
        return routes;
    }
}
