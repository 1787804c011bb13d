using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Stepwise.Review.Quality;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Quality;
using Stepwise.Web.Api.Uploads;
using Stepwise.Workbench.Sampling;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Api.Files;

/// <summary>
/// The analyses of a file that keep nothing (<c>stepwise survey</c>, <c>stepwise sample draw</c> and <c>check</c>):
/// the file is uploaded, analysed and deleted, and only the answer remains (a survey's in its job, for the hour a job is
/// kept). They belong to no review, so any signed-in user may call them; to keep a sample or an analysis with its
/// provenance, use the routes of a quality review.
/// </summary>
public static class FilesApi
{
    private const string Population = "population";

    /// <summary>Maps <c>/survey</c>, <c>/sample/draw</c> and <c>/sample/check</c>.</summary>
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/survey", async Task<Accepted<JobStatus>> (Caller caller, ApiJobs jobs, UploadLimits limits, IOptions<JsonOptions> json, TimeProvider time, HttpRequest http, CancellationToken ct) =>
            {
                var upload = await UploadReader.ReadAsync(http, limits, ct);
                try
                {
                    var body = UploadOptions.Read<SurveyBody>(upload, json.Value.SerializerOptions);
                    var request = body.ToRequest(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
                    var read = body.Read ?? new FeedbackReadRequest();
                    read = read with { MaxRows = limits.Rows(read.MaxRows) };
                    var status = jobs.Start(caller.Actor, "survey", $"Survey analysis of {upload.FileName}", null, (progress, token) =>
                    {
                        token.ThrowIfCancellationRequested();
                        var result = upload.Run(() =>
                        {
                            var import = read.Read(upload.Path);
                            if (import.Shortfall() is { } shortfall)
                            {
                                throw new Workbench.Problems.StepwiseException(Workbench.Problems.ProblemKind.BadFile, $"{upload.FileName}: {shortfall}");
                            }

                            return SurveyAnalysis.Run(import, request, progress);
                        });
                        return new JobOutcome(SurveyView.Of(result, upload.FileName), null);
                    }, upload.Dispose);
                    return TypedResults.Accepted(ApiJobs.Location(status.Id), status);
                }
                catch
                {
                    upload.Dispose();
                    throw;
                }
            })
            .WithTags("Files")
            .WithName("AnalyseSurvey")
            .WithSummary("Analyse an uploaded feedback file and keep nothing (a job)")
            .WithDescription("multipart/form-data: the part file (CSV or TSV, optionally .gz or .zip) and the part options, JSON: read (the command line's read options in snake_case), sections (summary, drivers, themes, targets, segments), target (e.g. csat>=80%), confidence, discover, seed, exclude_word, performance_target, by, pseudonymise_key. "
                + "The file is deleted when the job ends; the job's result (kept for an hour, for its caller only) is the summary, targets, drivers, sentiment, themes with redacted quotes and segments. To keep an analysis with its provenance, use POST /reviews/{id}/quality/analyses.")
            .ProducesProblems(400, 413);

        var sample = api.MapGroup("/sample").WithTags("Files");

        sample.MapPost("/draw", async Task<IResult> (Caller caller, UploadLimits limits, IOptions<JsonOptions> json, HttpRequest http, CancellationToken ct) =>
            {
                using var upload = await UploadReader.ReadAsync(http, limits, ct);
                var request = UploadOptions.Read<SampleDrawRequest>(upload, json.Value.SerializerOptions);
                request = request with { MaxRows = limits.Rows(request.MaxRows) };
                var drawn = upload.Run(() => Samples.Draw(upload.Path, request));
                if (http.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)))
                {
                    string units = Path.Combine(upload.Folder, "units", Path.GetFileNameWithoutExtension(upload.FileName) + "-sample.csv");
                    Directory.CreateDirectory(Path.GetDirectoryName(units)!);
                    Samples.WriteUnits(units, drawn, request);
                    return TypedResults.File(await File.ReadAllBytesAsync(units, ct), "text/csv; charset=utf-8", Path.GetFileName(units));
                }

                var s = drawn.Sample;
                return TypedResults.Ok(new SampleDrawView(upload.FileName, drawn.Frame.Count, drawn.Strata, s.Allocation.ToString().ToLowerInvariant(), s.Seed,
                    [.. s.Strata.Select(x => new SampleStratum(x.Label, x.PopulationCount, x.SampleCount, double.IsFinite(x.Weight) ? x.Weight : null))], s.UnitsWithoutStratum, drawn.UnitIds));
            })
            .WithName("DrawSampleFromFile")
            .WithSummary("Draw a stratified random sample from an uploaded population and keep nothing")
            .WithDescription("multipart/form-data: the part file (a CSV of units, or an event log with log: true) and the part options, JSON: id, log, strata, size, allocation (proportional, optimal, equal), spread_by, seed, delimiter, pseudonymise_key. "
                + "Answers with the strata and the units drawn; with Accept: text/csv, the units file that /sample/check reads back. The same seed draws the same sample.")
            .Produces<SampleDrawView>()
            .ProducesProblems(400, 413, 422);

        sample.MapPost("/check", async Task<Ok<SampleCheckView>> (Caller caller, UploadLimits limits, IOptions<JsonOptions> json, HttpRequest http, CancellationToken ct) =>
            {
                using var upload = await UploadReader.ReadAsync(http, limits, [Population, Upload.FilePart], ct);
                var request = UploadOptions.Read<SampleCheckRequest>(upload, json.Value.SerializerOptions);
                request = request with { MaxRows = limits.Rows(request.MaxRows) };
                var result = upload.Run(() => Samples.Check(upload.PathOf(Population), upload.Path, request));
                return TypedResults.Ok(new SampleCheckView(result.Population, result.Sample, result.Representative, [.. result.Attributes.Select(QualityChecks.Of)], [.. result.Weights.Select(w => new UnitWeight(w.Id, w.Weight))]));
            })
            .WithName("CheckSampleAgainstFile")
            .WithSummary("Check an uploaded sample, or the responses received, against an uploaded population, and keep nothing")
            .WithDescription("multipart/form-data: the parts population and file, and the part options, JSON: by (the attributes to check), id, sample_id, log, weights, pseudonymise_key. Answers per attribute with the chi-square test and each group's shares, standardised difference and weight.")
            .ProducesProblems(400, 413, 422);

        return api;
    }
}
