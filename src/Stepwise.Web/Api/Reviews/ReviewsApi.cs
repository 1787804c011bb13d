using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Api.Reviews;

/// <summary>Reviews: list, create, read one, change its title and aims, move its stage. The review's ETag is the version of the review itself.</summary>
public static class ReviewsApi
{
    /// <summary>Maps <c>/reviews</c>.</summary>
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder api)
    {
        var reviews = api.MapGroup("/reviews").WithTags("Reviews");

        reviews.MapGet("/", (Caller caller, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.List(caller.Actor)))
            .WithName("ListReviews")
            .WithSummary("The reviews you take part in")
            .WithDescription("Every process and quality review the caller is a member of (administrators: all), oldest first, with the caller's role and each review's stage.");

        reviews.MapPost("/", (Caller caller, JsonBody<CreateReviewBody> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var b = body.Value;
                var created = bench.Reviews.Create(caller.Actor, new NewReview { Title = b.Title, Aims = b.Aim ?? [], Owner = b.Owner, Quality = b.Quality });
                ETags.Set(response, created.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{created.Id:D}", created);
            })
            .WithName("CreateReview")
            .WithSummary("Create a review")
            .WithDescription("Creates a process review (or a quality review with quality: true); the caller becomes its owner.")
            .ProducesProblems(400);

        reviews.MapGet("/{reviewId:guid}", Results<Ok<ReviewSummary>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpContext http) =>
            {
                var review = bench.Reviews.Get(caller.Actor, reviewId);
                ETags.Set(http.Response, review.Version);
                return ETags.Unchanged(http.Request, review.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(review);
            })
            .WithName("GetReview")
            .WithSummary("One review")
            .WithDescription("The review's title, owner, stage and the caller's role; its ETag is the review's version (send it with If-Match to move the stage).")
            .ProducesProblems(403, 404);

        reviews.MapPatch("/{reviewId:guid}", (Caller caller, Guid reviewId, JsonBody<ReviewDetailsBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the review");
                var changed = bench.Reviews.SaveDetails(caller.Actor, reviewId, new ReviewDetails { Title = body.Value.Title, Aims = body.Value.Aim }, version);
                ETags.Set(http.Response, changed.Version);
                return TypedResults.Ok(changed);
            })
            .WithName("ChangeReview")
            .WithSummary("Change a process review's title or aims")
            .WithDescription("Owners and analysts. Fields left out keep their value; aim: [] removes every aim. The history records the old and new values. If-Match: the review's ETag.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        reviews.MapPut("/{reviewId:guid}/stage", (Caller caller, Guid reviewId, JsonBody<StageBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the review");
                var moved = bench.Reviews.MoveStage(caller.Actor, reviewId, body.Value.Stage, version, body.Value.Reason);
                ETags.Set(http.Response, moved.Version);
                return TypedResults.Ok(moved);
            })
            .WithName("MoveReviewStage")
            .WithSummary("Move a process review to another stage")
            .WithDescription("Owners only. Stages move forward one at a time when the stage rules allow it (Analyse needs a scope, Evaluate an agreed scope, ...); moving back to any earlier stage is allowed with a reason, which the history records. If-Match: the review's ETag.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        reviews.MapGet("/{reviewId:guid}/contents", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.Show(caller.Actor, reviewId)))
            .WithName("ShowReview")
            .WithSummary("Everything the review holds")
            .WithDescription("The signed scope text, steps, questions and answers, options, evaluation, recommendations, plan, communications and monitoring: what stepwise review show prints.")
            .ProducesProblems(403, 404);

        reviews.MapGet("/{reviewId:guid}/communications", (Caller caller, Guid reviewId, Workbench.Workbench bench)
                => TypedResults.Ok(bench.Reviews.Communications(caller.Actor, reviewId).Select(ArtefactBody<Review.People.Communication>.Of).ToList()))
            .WithTags("Communications")
            .WithName("ListCommunications")
            .WithSummary("Who was told what, when and how")
            .ProducesProblems(403, 404);

        reviews.MapPost("/{reviewId:guid}/communications", (Caller caller, Guid reviewId, JsonBody<CommunicationRequest> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var saved = bench.Reviews.Communicate(caller.Actor, reviewId, body.Value);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/communications", ArtefactBody<Review.People.Communication>.Of(saved));
            })
            .WithTags("Communications")
            .WithName("Communicate")
            .WithSummary("Record a communication: to (stakeholders or groups), message, channel, about, at")
            .ProducesProblems(400, 403, 404, 409);

        return api;
    }
}
