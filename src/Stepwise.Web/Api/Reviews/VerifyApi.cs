using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;

namespace Stepwise.Web.Api.Reviews;

/// <summary>Checking that a review's history is intact.</summary>
public static class VerifyApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/verify</c>.</summary>
    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reviews/{reviewId:guid}/verify", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.VerifyHistory(caller.Actor, reviewId)))
            .WithTags("History")
            .WithName("VerifyHistory")
            .WithSummary("Recompute the hash chain of the review's history")
            .WithDescription("Each history entry carries a SHA-256 chained to the review's previous entry. The answer says how many entries were checked, whether the chain is intact (`isIntact`), the head hash (keep it elsewhere to show later that nothing was removed from the end), the first entry that breaks the chain and how (`firstBreak`), and any version, sign-off or import with no history entry (`problems`). A broken chain is a finding, not an error: the status is 200.")
            .ProducesProblems(403, 404);
        return api;
    }
}
