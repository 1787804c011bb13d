using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Uploads;
using Stepwise.Workbench.Archive;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Stages;

/// <summary>A whole review as one documented JSON file (with history and data provenance), out and back in.</summary>
public static class ArchiveApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/export</c> and <c>/reviews/import</c>.</summary>
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reviews/{reviewId:guid}/export", (Caller caller, Guid reviewId, [FromQuery(Name = "include_data")] bool? includeData, Workbench.Workbench bench, CancellationToken ct) =>
            {
                var archive = bench.Archive.Export(caller.Actor, reviewId, new ExportRequest { IncludeData = includeData ?? true }, ct);
                return Results.Stream(async stream =>
                {
                    // The archive writer is synchronous; the buffer spills to a temporary file past 32 KiB, so a large
                    // review never sits whole in memory and the response is written asynchronously.
                    await using var buffer = new FileBufferingWriteStream();
                    ReviewArchiveJson.Write(buffer, archive);
                    await buffer.DrainBufferAsync(stream, ct);
                }, "application/json", $"review-{reviewId:D}.json");
            })
            .WithTags("Archive")
            .WithName("ExportReview")
            .WithSummary("The whole review as one JSON file (include_data=false leaves the stored logs out; with them, owners only: they hold personal data)")
            .WithDescription("The format is documented in docs/review-archive.md; POST /reviews/import reads it back into any workspace.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblems(403, 404);

        api.MapPost("/reviews/import", async Task<Accepted<JobStatus>> (Caller caller, Workbench.Workbench bench, ApiJobs jobs, UploadLimits limits, HttpRequest http, CancellationToken ct) =>
            {
                var upload = await UploadReader.ReadAsync(http, limits, ct);
                if (upload.Options is not null)
                {
                    upload.Dispose();
                    throw StepwiseException.Invalid("options", "is not a part of a review import; send the exported file alone.");
                }

                var status = jobs.Start(caller.Actor, "review-import", $"Import of {upload.FileName}", null, (progress, token) =>
                {
                    var archive = ReviewArchiveJson.Read(upload.Path);
                    var review = bench.Archive.Import(caller.Actor, archive, null, progress, token);
                    return new JobOutcome(review, $"{ApiRoutes.Prefix}/reviews/{review.Id:D}");
                }, upload.Dispose);
                return TypedResults.Accepted(ApiJobs.Location(status.Id), status);
            })
            .WithTags("Archive")
            .WithName("ImportReview")
            .WithSummary("Read an exported review into this workspace (a job; multipart part file)")
            .ProducesProblems(400, 403, 413);

        return api;
    }
}
