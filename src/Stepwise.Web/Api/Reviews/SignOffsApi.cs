using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Api.Reviews;

/// <summary>Decisions on scopes, recommendations and plans: who approved which version.</summary>
public static class SignOffsApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/sign-offs</c>.</summary>
    public static IEndpointRouteBuilder MapSignOffsApi(this IEndpointRouteBuilder api)
    {
        var signOffs = api.MapGroup("/reviews/{reviewId:guid}/sign-offs").WithTags("Sign-offs");

        signOffs.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.SignOffs(caller.Actor, reviewId)))
            .WithName("ListSignOffs")
            .WithSummary("Every sign-off of the review, stale ones marked")
            .ProducesProblems(403, 404);

        signOffs.MapPost("/", (Caller caller, Guid reviewId, JsonBody<SignOffBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the artefact signed (its ETag is the version you read)");
                var b = body.Value;
                var state = bench.Reviews.SignOff(caller.Actor, reviewId, new SignOffRequest
                {
                    Artefact = b.Artefact,
                    ArtefactId = b.ArtefactId,
                    Stakeholder = b.Stakeholder,
                    Decision = b.Decision,
                    Reason = b.Reason,
                    Version = version,
                    ContentHash = b.ContentHash,
                    OnBehalfReason = b.OnBehalfReason,
                });
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/sign-offs", state);
            })
            .WithName("SignOff")
            .WithSummary("Approve or reject a scope, recommendation or plan")
            .WithDescription("If-Match: the ETag of the version read (a newer version is refused with 412 and what changed). A stakeholder bound to the caller signs as themselves; an owner may record someone else's decision with on_behalf_reason.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        return api;
    }
}
