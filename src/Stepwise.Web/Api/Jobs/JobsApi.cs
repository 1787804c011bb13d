using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.Jobs;
using Stepwise.Web.Api.Authentication;

namespace Stepwise.Web.Api.Jobs;

/// <summary>The resources of long work: progress, then the result or the problem; cancellable.</summary>
public static class JobsApi
{
    /// <summary>Maps <c>/jobs</c>.</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");

        jobs.MapGet("/", (Caller caller, ApiJobs runner) => TypedResults.Ok(runner.List(caller.Actor)))
            .WithName("ListJobs")
            .WithSummary("Your jobs, newest first");

        jobs.MapGet("/{jobId:guid}", async (Caller caller, Guid jobId, double? wait, ApiJobs runner, HttpContext http) =>
            {
                // ?wait=SECONDS holds the answer until the job ends or the time is up (at most 60 s), so scripts need not poll fast.
                var status = wait is > 0
                    ? await runner.WaitAsync(caller.Actor, jobId, TimeSpan.FromSeconds(Math.Min(wait.Value, 60)), http.RequestAborted)
                    : runner.Get(caller.Actor, jobId);
                if (status.State is JobState.Queued or JobState.Running)
                {
                    http.Response.Headers.RetryAfter = "1";
                }

                if (status.ResultLocation is { } location)
                {
                    http.Response.Headers.Location = location;
                }

                return TypedResults.Ok(status);
            })
            .WithName("GetJob")
            .WithSummary("A job's progress, then its result or its problem")
            .WithDescription("state is queued, running, succeeded, failed, cancelled or interrupted; progress runs from 0 to 1. A succeeded job has result and result_location; a failed, cancelled or interrupted one has problem. ?wait=SECONDS (up to 60) answers as soon as the job ends. "
                + "Jobs are kept in the workspace, so they outlive a restart of the server: a job the server was running when it stopped is interrupted (its work was rolled back). A job that has ended is kept for the server's retention period (a week by default).")
            .ProducesProblems(404);

        // The layer checks that the caller may read the review (403 or 404 otherwise).
        api.MapGet("/reviews/{reviewId:guid}/jobs", (Caller caller, Guid reviewId, ApiJobs runner) => TypedResults.Ok(runner.ListForReview(caller.Actor, reviewId)))
            .WithTags("Jobs")
            .WithName("ListReviewJobs")
            .WithSummary("The review's jobs, newest first: imports, assessments, simulations, analyses started by any member")
            .WithDescription("Any member may see them; only the member who started a job (or an administrator) reads it at /jobs/{id} or cancels it. Jobs are kept in the workspace across restarts; those that have ended are kept for the server's retention period (a week by default).")
            .ProducesProblems(403, 404);

        jobs.MapDelete("/{jobId:guid}", (Caller caller, Guid jobId, ApiJobs runner) => TypedResults.Accepted(ApiJobs.Location(jobId), runner.Cancel(caller.Actor, jobId)))
            .WithName("CancelJob")
            .WithSummary("Cancel a job")
            .WithDescription("A running job stops at its next check and leaves the workspace as it was; the job resource then says cancelled. A job already ended is left as it is.")
            .ProducesProblems(404);

        return api;
    }
}
