using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;

namespace Stepwise.Web.Api.Reviews;

/// <summary>The append-only history of a review.</summary>
public static class HistoryApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/history</c>.</summary>
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reviews/{reviewId:guid}/history", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.History(caller.Actor, reviewId)))
            .WithTags("History")
            .WithName("GetHistory")
            .WithSummary("Every change to the review, oldest first")
            .WithDescription("Creates, changes, stage moves, sign-offs and imports, each with who, when, and the changed fields with their values before and after.")
            .ProducesProblems(403, 404);
        api.MapGet("/reviews/{reviewId:guid}/history/lines", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.HistoryLines(caller.Actor, reviewId)))
            .WithTags("History")
            .WithName("GetHistoryLines")
            .WithSummary("The history as people read it: artefacts and people by name, each field's old and new value")
            .ProducesProblems(403, 404);
        return api;
    }
}
