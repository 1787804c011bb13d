using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Stepwise.Review.Access;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Json;
using Stepwise.Web.Api.Problems;
using Stepwise.Web.Api.Uploads;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Data;

/// <summary>
/// A review's data: an event log is uploaded (streamed to a temporary file, bounded) and imported as a job, which
/// records how the file was read and its SHA-256 through the use-case layer; a failed or cancelled import stores
/// nothing.
/// </summary>
public static class DataApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/data</c>.</summary>
    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder api)
    {
        var data = api.MapGroup("/reviews/{reviewId:guid}/data").WithTags("Data");

        data.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Data.List(caller.Actor, reviewId)))
            .WithName("ListDataSources")
            .WithSummary("The data imported into the review, with how each file was read and its SHA-256")
            .ProducesProblems(403, 404);

        data.MapGet("/{source}", (Caller caller, Guid reviewId, string source, Workbench.Workbench bench) =>
            {
                var found = bench.Data.Find(caller.Actor, reviewId, source);
                return TypedResults.Ok(bench.Data.List(caller.Actor, reviewId).Single(d => d.Source.Id == found.Id));
            })
            .WithName("GetDataSource")
            .WithSummary("One data source (by id, a unique prefix of it, or its file name)")
            .ProducesProblems(400, 403, 404);

        data.MapPost("/", async Task<Accepted<JobStatus>> (Caller caller, Guid reviewId, Workbench.Workbench bench, ApiJobs jobs, UploadLimits limits, IOptions<JsonOptions> json, HttpRequest http, CancellationToken ct) =>
            {
                RolePrecheck.Require(bench, caller, reviewId, Permission.Edit, "import data");

                var upload = await UploadReader.ReadAsync(http, limits, ct);
                try
                {
                    var read = ReadOptions(upload, limits, json.Value.SerializerOptions);
                    var request = new ImportRequest { Path = upload.Path, FileName = upload.FileName, Read = read };
                    request.Validate().ThrowIfAny();
                    var status = jobs.Start(caller.Actor, "import", $"Import of {upload.FileName}", reviewId, (progress, token) =>
                    {
                        var result = upload.Run(() => RowBound(() => bench.Data.Import(caller.Actor, reviewId, request, progress, token), limits));
                        return new JobOutcome(result, $"{ApiRoutes.Prefix}/reviews/{reviewId:D}/data/{result.Source.Id:D}");
                    }, upload.Dispose);
                    return TypedResults.Accepted(ApiJobs.Location(status.Id), status);
                }
                catch
                {
                    upload.Dispose();
                    throw;
                }
            })
            .WithName("ImportData")
            .WithSummary("Upload and import an event log (a job)")
            .WithDescription("multipart/form-data: the part file (CSV, TSV, XES, optionally .gz or .zip) and optionally the part options, JSON with the command line's read options in snake_case "
                + "(case, activity, timestamp, start_timestamp, resource, lifecycle, case_attributes, ignore_columns, timestamp_format, timezone, delimiter, encoding, missing, zip_entry, classifier, skip_bad_rows, max_expanded_mb, max_rows). "
                + "Answers 202 with the job (Location: the job's URL); the job's result is the data source with its provenance, or a bad-file problem naming file, line and column; a file with more rows (events) than max_rows or the server's Stepwise:Api:MaxRows fails with a too-large problem (413) and stores nothing.")
            .ProducesProblems(400, 403, 404, 413);

        return api;
    }

    private static LogReadRequest ReadOptions(Upload upload, UploadLimits limits, System.Text.Json.JsonSerializerOptions options)
    {
        var read = upload.Options is { Length: > 0 } text
            ? JsonRequestReader.Read<LogReadRequest>(Encoding.UTF8.GetBytes(text), options)
            : new LogReadRequest();
        if (read.MaxExpandedMb is { } asked && asked > limits.MaxExpandedMb)
        {
            throw StepwiseException.Invalid("max_expanded_mb", $"may be at most {limits.MaxExpandedMb.ToString(CultureInfo.InvariantCulture)} on this server (got {asked.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (read.MaxRows is { } rows && rows > limits.MaxRows)
        {
            throw StepwiseException.Invalid("max_rows", $"may be at most {limits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} on this server (got {rows.ToString("N0", CultureInfo.InvariantCulture)}).");
        }

        return read with { MaxExpandedMb = read.MaxExpandedMb ?? limits.MaxExpandedMb, MaxRows = read.MaxRows ?? limits.MaxRows };
    }

    // The readers name the row bound as the command line's option; over the API it is the options' field, capped by
    // the server's setting.
    private static T RowBound<T>(Func<T> work, UploadLimits limits)
    {
        try
        {
            return work();
        }
        catch (Mining.IO.EventLogFormatException ex) when (ex.LimitExceeded && ex.Message.Contains(Mining.IO.ReadOptionNames.CommandLine.MaxRows, StringComparison.Ordinal))
        {
            string detail = ex.Message.Replace(Mining.IO.ReadOptionNames.CommandLine.MaxRows, "max_rows", StringComparison.Ordinal)
                + $" This server reads at most {limits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows a file (Stepwise:Api:MaxRows).";
            throw new StepwiseException(ProblemKind.TooLarge, detail, ex) { Location = new FileLocation(ex.File, ex.Line) };
        }
    }
}
