using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Scoping;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Reviews;
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

        scope.MapPut("/", (Caller caller, Guid reviewId, JsonBody<ScopeRequest> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatchOrNone(http.Request, "the scope");
                return Tagged.Saved(http, bench.Reviews.SaveScope(caller.Actor, reviewId, body.Value, version));
            })
            .WithName("SaveScope")
            .WithSummary("Write or change the scope")
            .WithDescription("The command line's scope options in snake_case: start, end, contains, excludes, channels, case_types, where, where_not, top_variants, variants, in, out, allow, budget, keep, constraint, clear. "
                + "Fields left out keep their value. If-Match: the scope's ETag; If-None-Match: * for the first scope. A change makes earlier sign-offs stale.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        scope.MapGet("/text", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.ScopeText(caller.Actor, reviewId)))
            .WithName("GetScopeText")
            .WithSummary("The scope in words, as it is signed")
            .ProducesProblems(403, 404);

        scope.MapGet("/agreement", (Caller caller, Guid reviewId, Workbench.Workbench bench)
                => TypedResults.Ok(bench.Reviews.Agreement(caller.Actor, reviewId, new ArtefactRef(ArtefactKind.Scope, reviewId))))
            .WithName("GetScopeAgreement")
            .WithSummary("Whether the current scope is agreed, and if not, why")
            .ProducesProblems(403, 404);

        return api;
    }
}
