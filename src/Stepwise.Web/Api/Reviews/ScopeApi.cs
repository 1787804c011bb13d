using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Scoping;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Reviews;

/// <summary>The agreed boundaries of a process review, and whether they are agreed.</summary>
public static class ScopeApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/scope</c>.</summary>
    public static IEndpointRouteBuilder MapScopeApi(this IEndpointRouteBuilder api)
    {
        var scope = api.MapGroup("/reviews/{reviewId:guid}/scope").WithTags("Scope");

        scope.MapGet("/", Results<Ok<ArtefactBody<Scope>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpContext http) =>
            {
                var found = bench.Reviews.Scope(caller.Actor, reviewId)
                    ?? throw StepwiseException.NotFound("This review has no scope yet.", "scope");
                ETags.Set(http.Response, found.Version);
                return ETags.Unchanged(http.Request, found.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(ArtefactBody<Scope>.Of(found));
            })
            .WithName("GetScope")
            .WithSummary("The review's scope")
            .WithDescription("Boundaries (the case filter), what is in and out of scope, and what may change. Its ETag and content_hash are what a sign-off names.")
            .ProducesProblems(403, 404);

        scope.MapGet("/agreement", (Caller caller, Guid reviewId, Workbench.Workbench bench)
                => TypedResults.Ok(bench.Reviews.Agreement(caller.Actor, reviewId, new ArtefactRef(ArtefactKind.Scope, reviewId))))
            .WithName("GetScopeAgreement")
            .WithSummary("Whether the current scope is agreed, and if not, why")
            .ProducesProblems(403, 404);

        return api;
    }
}
