using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Quality;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Json;
using Stepwise.Web.Api.Uploads;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Quality;

/// <summary>
/// A quality review, stage by stage: the features of service and the measurement plan (one artefact, changed with its
/// ETag), revisions of the plan, samples drawn from an uploaded population and checked against it, feedback uploaded
/// and analysed against the plan (a job), findings, agreed actions and their progress, and briefings. Samples and
/// analyses keep the uploaded file's name and SHA-256 and how it was read, never the file itself.
/// </summary>
public static class QualityApi
{
    private const string Population = "population";

    /// <summary>Maps <c>/reviews/{reviewId}/quality</c>.</summary>
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder api)
    {
        var quality = api.MapGroup("/reviews/{reviewId:guid}/quality").WithTags("Quality");

        quality.MapGet("/", Results<Ok<ArtefactBody<QualityReview>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, bench.Quality.Plan(caller.Actor, reviewId)))
            .WithName("GetQualityPlan")
            .WithSummary("The quality review: features of service, measurement plan, revisions")
            .WithDescription("Its ETag is the version of the plan: send it with If-Match to add features or measures, or to revise a measure. A process review answers 409 (rule broken).")
            .ProducesProblems(403, 404, 409);

        quality.MapGet("/contents", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Quality.Show(caller.Actor, reviewId)))
            .WithName("ShowQualityReview")
            .WithSummary("Everything the quality review holds")
            .WithDescription("Plan and revisions, stakeholders, members, feedback sources with their provenance, samples and checks, analyses, findings (most urgent first), actions with their agreement, briefings and sign-offs: what stepwise quality show prints.")
            .ProducesProblems(403, 404, 409);

        quality.MapPost("/features", (Caller caller, Guid reviewId, JsonBody<FeatureRequest> body, Workbench.Workbench bench, HttpContext http)
                => Tagged.Saved(http, bench.Quality.SaveFeature(caller.Actor, reviewId, body.Value, ETags.RequireIfMatch(http.Request, "the quality plan"))))
            .WithName("SaveFeature")
            .WithSummary("Add a feature of the service, or change the one with that name (If-Match: the plan's ETag)")
            .WithDescription("name, description, why.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        quality.MapPost("/measures", (Caller caller, Guid reviewId, JsonBody<MeasureRequest> body, Workbench.Workbench bench, HttpContext http)
                => Tagged.Saved(http, bench.Quality.SaveMeasure(caller.Actor, reviewId, body.Value, ETags.RequireIfMatch(http.Request, "the quality plan"))))
            .WithName("SaveMeasure")
            .WithSummary("Add a line to the measurement plan, or change the one with that metric (If-Match: the plan's ETag)")
            .WithDescription("metric, feature, statistic (csat, mean, top2, nps, ces, fcr, response-time, qa), column, method (survey, qa-review, mystery-shopping, complaint-analysis, operational-data), target (>=80%, <=4), frequency (daily ... yearly), owner, source, sample_design. A measure that has results is better revised (POST revisions), which keeps the reason.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        quality.MapPost("/revisions", (Caller caller, Guid reviewId, JsonBody<RevisionRequest> body, Workbench.Workbench bench, HttpContext http)
                => Tagged.Saved(http, bench.Quality.ReviseMeasure(caller.Actor, reviewId, body.Value, ETags.RequireIfMatch(http.Request, "the quality plan"))))
            .WithName("ReviseMeasure")
            .WithSummary("Revise a measure whose method is not working, with the reason (If-Match: the plan's ETag)")
            .WithDescription("metric, reason (low-response-rate, unrepresentative-sample, method-not-working, target-changed, other), explanation, sample (the one whose check showed it), and the new method, source, sample_design, frequency, target or owner. The revision keeps each field's value before and after.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        MapSamples(quality);
        MapAnalyses(quality);
        MapFindingsAndActions(quality);
        return api;
    }

    private static void MapSamples(RouteGroupBuilder quality)
    {
        quality.MapGet("/samples", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Quality.Samples(caller.Actor, reviewId).Select(ArtefactBody<QualitySample>.Of).ToList()))
            .WithName("ListSamples").WithSummary("Samples drawn, with their checks").ProducesProblems(403, 404, 409);

        quality.MapGet("/samples/{sample}", Results<Ok<ArtefactBody<QualitySample>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, string sample, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, Named(bench.Quality.Samples(caller.Actor, reviewId), sample, s => s.Name, "sample")))
            .WithName("GetSample").WithSummary("One sample (by name or id): population file and SHA-256, strata, size, allocation, seed, weights, checks").ProducesProblems(403, 404, 409);

        quality.MapGet("/samples/{sample}/units", (Caller caller, Guid reviewId, string sample, Workbench.Workbench bench) =>
            {
                var units = bench.Quality.SampleUnits(caller.Actor, reviewId, sample);
                return TypedResults.File(units.Content, "text/csv; charset=utf-8", units.FileName);
            })
            .WithName("GetSampleUnits")
            .WithSummary("The units of a kept sample as CSV: the units file written at the draw, byte for byte")
            .WithDescription("The id under the population's id column (keyed pseudonyms when the draw was pseudonymised, as at the draw), each strata attribute, the stratum and the design weight; its SHA-256 is the sample's units_hash. A sample kept before samples kept their units answers 409.")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblems(403, 404, 409);

        quality.MapPost("/samples", async Task<IResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, UploadLimits limits, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
            {
                Precheck(bench, caller, reviewId, "draw samples");
                using var upload = await UploadReader.ReadAsync(http.Request, limits, ct);
                string units = Path.Combine(upload.Folder, "units", Path.GetFileNameWithoutExtension(upload.FileName) + "-sample.csv");
                Directory.CreateDirectory(Path.GetDirectoryName(units)!);
                var request = UploadOptions.Read<QualitySampleRequest>(upload, json.Value.SerializerOptions, (Population, upload.Path));
                request = request with { Output = units, Draw = request.Draw with { MaxRows = limits.Rows(request.Draw.MaxRows) } };
                var (saved, drawn) = upload.Run(() => bench.Quality.DrawSample(caller.Actor, reviewId, request));
                string location = $"{ApiRoutes.Prefix}/reviews/{reviewId:D}/quality/samples/{saved.Value.Id:D}";
                ETags.Set(http.Response, saved.Version);
                if (WantsCsv(http.Request))
                {
                    http.Response.Headers.Location = location;
                    http.Response.StatusCode = StatusCodes.Status201Created;
                    return TypedResults.File(await File.ReadAllBytesAsync(units, ct), "text/csv; charset=utf-8", Path.GetFileName(units));
                }

                return TypedResults.Created(location, new DrawnSampleView(ArtefactBody<QualitySample>.Of(saved), drawn.UnitIds));
            })
            .WithName("DrawSample")
            .WithSummary("Draw a stratified random sample from an uploaded population and keep it in the review")
            .WithDescription("multipart/form-data: the part file (the population: a CSV of units, or an event log with draw.log) and the part options, JSON: name, metric, draw (id, log, strata, size, allocation, spread_by, seed, delimiter, pseudonymise_key). "
                + "The review keeps the population's name and SHA-256, how it was read, the draw and the units file's SHA-256, not the units. Answers 201 with the sample and the units drawn; with Accept: text/csv, the units file itself (the file a check reads back).")
            .Produces<DrawnSampleView>(StatusCodes.Status201Created)
            .ProducesProblems(400, 403, 404, 409, 413, 422);

        quality.MapPost("/samples/{sample}/checks", async Task<Ok<CheckedSampleView>> (Caller caller, Guid reviewId, string sample, Workbench.Workbench bench, UploadLimits limits, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the sample");
                Precheck(bench, caller, reviewId, "check samples");
                using var upload = await UploadReader.ReadAsync(http.Request, limits, [Population, Upload.FilePart], ct);
                var request = UploadOptions.Read<QualitySampleCheckRequest>(upload, json.Value.SerializerOptions, ("sample", sample), (Population, upload.PathOf(Population)), (Upload.FilePart, upload.Path));
                request = request with { Check = request.Check with { MaxRows = limits.Rows(request.Check.MaxRows) } };
                var (saved, result) = upload.Run(() => bench.Quality.CheckSample(caller.Actor, reviewId, request, version));
                ETags.Set(http.Response, saved.Version);
                return TypedResults.Ok(new CheckedSampleView(ArtefactBody<QualitySample>.Of(saved), saved.Value.Checks[^1], result.Representative, [.. result.Weights.Select(w => new UnitWeight(w.Id, w.Weight))]));
            })
            .WithName("CheckSample")
            .WithSummary("Check a kept sample, or the responses received from it, against its population (If-Match: the sample's ETag)")
            .WithDescription("multipart/form-data: the part population (the file the sample was drawn from: its SHA-256 must match), the part file (the units drawn, or the responses received) and the part options, JSON: responses (true when the file holds responses: a response rate is worked out), attribute (the strata when omitted), check (sample_id, weights, pseudonymise_key). The check is added to the sample.")
            .ProducesProblems(400, 403, 404, 409, 412, 413, 422, 428);
    }

    private static void MapAnalyses(RouteGroupBuilder quality)
    {
        quality.MapGet("/analyses", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Quality.Analyses(caller.Actor, reviewId).Select(ArtefactBody<QualityAnalysis>.Of).ToList()))
            .WithName("ListQualityAnalyses").WithSummary("Analyses: results against targets, drivers, themes").ProducesProblems(403, 404, 409);

        quality.MapGet("/analyses/{analysis}", Results<Ok<ArtefactBody<QualityAnalysis>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, string analysis, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, Named(bench.Quality.Analyses(caller.Actor, reviewId), analysis, a => a.Title, "analysis")))
            .WithName("GetQualityAnalysis").WithSummary("One analysis (by title or id)").ProducesProblems(403, 404, 409);

        quality.MapPost("/analyses", async Task<Accepted<JobStatus>> (Caller caller, Guid reviewId, Workbench.Workbench bench, ApiJobs jobs, UploadLimits limits, IOptions<JsonOptions> json, HttpRequest http, CancellationToken ct) =>
            {
                Precheck(bench, caller, reviewId, "analyse feedback");
                var upload = await UploadReader.ReadAsync(http, limits, ct);
                try
                {
                    var request = UploadOptions.Read<FeedbackAnalysisRequest>(upload, json.Value.SerializerOptions, (Upload.FilePart, upload.Path));
                    request = request with { Read = request.Read with { MaxRows = limits.Rows(request.Read.MaxRows) } };
                    request.Validate().ThrowIfAny();
                    var status = jobs.Start(caller.Actor, "quality-analysis", $"Analysis of {upload.FileName}", reviewId, (progress, token) =>
                    {
                        token.ThrowIfCancellationRequested();
                        var saved = upload.Run(() => bench.Quality.Analyse(caller.Actor, reviewId, request, progress));
                        var import = saved.Survey.Import;
                        var view = new QualityAnalysisView(ArtefactBody<QualityAnalysis>.Of(saved.Analysis), saved.Source, saved.NewImport, import.RowsRead, import.BadRows.Count, import.Mapping, import.Notes);
                        return new JobOutcome(view, $"{ApiRoutes.Prefix}/reviews/{reviewId:D}/quality/analyses/{saved.Analysis.Value.Id:D}");
                    }, upload.Dispose);
                    return TypedResults.Accepted(ApiJobs.Location(status.Id), status);
                }
                catch
                {
                    upload.Dispose();
                    throw;
                }
            })
            .WithName("AnalyseFeedback")
            .WithSummary("Upload feedback, import it into the review and analyse it against the measurement plan (a job)")
            .WithDescription("multipart/form-data: the part file (survey responses, QA scorecards or reviews: CSV or TSV, optionally .gz or .zip) and the part options, JSON: title, read (the command line's read options in snake_case: id, overall, overall_scale, item, item_scale, not_applicable, comment, segment, outcome, outcome_yes, outcome_no, date, delimiter, encoding, skip_bad_rows, ...), "
                + "sample (the sample the responses answer), confidence, performance_target, discover, seed, exclude_word, pseudonymise_key. The file's SHA-256 and exact read options are kept with the import. Answers 202 with the job; its result is the analysis, the data source and how the file was read.")
            .ProducesProblems(400, 403, 404, 409, 413);

        quality.MapPost("/analyses/{analysis}/findings", (Caller caller, Guid reviewId, string analysis, Workbench.Workbench bench)
                => TypedResults.Ok(bench.Quality.FindingsFrom(caller.Actor, reviewId, analysis).Select(ArtefactBody<QualityFinding>.Of).ToList()))
            .WithName("FindingsFromAnalysis")
            .WithSummary("Record the findings an analysis shows and that are not yet recorded")
            .WithDescription("Every metric that misses its target with confidence (a gap, priority 1), every driver to concentrate on, every negative theme whose scores differ from the rest after Holm's adjustment. Undecided results are not findings. Answers with the findings recorded now (none when all were recorded before).")
            .ProducesProblems(403, 404, 409);
    }

    private static void MapFindingsAndActions(RouteGroupBuilder quality)
    {
        quality.MapGet("/findings", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Quality.Findings(caller.Actor, reviewId).Select(ArtefactBody<QualityFinding>.Of).ToList()))
            .WithName("ListFindings").WithSummary("Findings, oldest first").ProducesProblems(403, 404, 409);

        quality.MapPost("/findings", (Caller caller, Guid reviewId, JsonBody<FindingRequest> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var saved = bench.Quality.RecordFinding(caller.Actor, reviewId, body.Value);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/quality/findings", ArtefactBody<QualityFinding>.Of(saved));
            })
            .WithName("RecordFinding")
            .WithSummary("Record a finding by hand (a mystery-shopping visit, a staff workshop)")
            .WithDescription("kind (gap, driver, theme, segment, signal, other), summary, subject, analysis, priority (1-3), evidence.")
            .ProducesProblems(400, 403, 404, 409);

        quality.MapGet("/actions", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Quality.Actions(caller.Actor, reviewId).Select(ArtefactBody<AgreedAction>.Of).ToList()))
            .WithName("ListActions").WithSummary("Agreed actions with owners, due dates and progress").ProducesProblems(403, 404, 409);

        quality.MapGet("/actions/{action}", Results<Ok<ArtefactBody<AgreedAction>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, string action, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, Named(bench.Quality.Actions(caller.Actor, reviewId), action, a => a.Title, "agreed action")))
            .WithName("GetAction").WithSummary("One agreed action (by title or id); its ETag is what a change or a sign-off names").ProducesProblems(403, 404, 409);

        quality.MapPost("/actions", (Caller caller, Guid reviewId, JsonBody<ActionRequest> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                string title = body.Value.Title?.Trim() ?? string.Empty;
                if (bench.Quality.Actions(caller.Actor, reviewId).Any(a => string.Equals(a.Value.Title, title, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new StepwiseException(ProblemKind.Conflict, $"This review already has an action '{title}'; change it with PUT and its ETag.");
                }

                var saved = bench.Quality.SaveAction(caller.Actor, reviewId, body.Value, expectedVersion: 0);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/quality/actions/{saved.Value.Id:D}", ArtefactBody<AgreedAction>.Of(saved));
            })
            .WithName("AgreeAction")
            .WithSummary("Agree an action in answer to findings (409 when one has that title)")
            .WithDescription("title, finding (ids or subjects), owner, due (yyyy-MM-dd), measure (what success looks like), status, note.")
            .ProducesProblems(400, 403, 404, 409);

        quality.MapPut("/actions/{action}", (Caller caller, Guid reviewId, string action, JsonBody<ActionRequest> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the action");
                var current = Named(bench.Quality.Actions(caller.Actor, reviewId), action, a => a.Title, "agreed action");
                if (!string.Equals(current.Value.Title, body.Value.Title?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    throw StepwiseException.Invalid("title", $"must be the action's title ('{current.Value.Title}'); an action is known by its title.");
                }

                return Tagged.Saved(http, bench.Quality.SaveAction(caller.Actor, reviewId, body.Value, version));
            })
            .WithName("ChangeAction")
            .WithSummary("Change an agreed action (If-Match: its ETag); its sign-offs become stale")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        quality.MapPut("/actions/{action}/progress", (Caller caller, Guid reviewId, string action, JsonBody<ActionProgressBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the action");
                var current = Named(bench.Quality.Actions(caller.Actor, reviewId), action, a => a.Title, "agreed action");
                return Tagged.Saved(http, bench.Quality.SaveAction(caller.Actor, reviewId, new ActionRequest { Title = current.Value.Title, Status = body.Value.Status, Note = body.Value.Note }, version));
            })
            .WithName("ReportActionProgress")
            .WithSummary("Report an action's progress: status and note (If-Match: its ETag)")
            .WithDescription("Progress alone needs only the right to update one's own tasks (contributors too); any other change needs the right to edit.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        quality.MapGet("/briefings", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Quality.Briefings(caller.Actor, reviewId).Select(ArtefactBody<AudienceBriefing>.Of).ToList()))
            .WithName("ListBriefings").WithSummary("Which audiences received which results, when and how").ProducesProblems(403, 404, 409);

        quality.MapPost("/briefings", (Caller caller, Guid reviewId, JsonBody<BriefingRequest> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var saved = bench.Quality.RecordBriefing(caller.Actor, reviewId, body.Value);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/quality/briefings", ArtefactBody<AudienceBriefing>.Of(saved));
            })
            .WithName("RecordBriefing")
            .WithSummary("Record results given to an audience")
            .WithDescription("audience (front-line-staff, team-leaders, senior-managers, other-departments, service-partners, customers), recipients, message, channel, at (yyyy-MM-dd or ISO 8601; now when omitted), analysis, finding, action (what was given).")
            .ProducesProblems(400, 403, 404, 409);
    }

    // A caller whose role may not change the review, or a process review, is told before a large upload is received.
    private static void Precheck(Workbench.Workbench bench, Caller caller, Guid reviewId, string what)
    {
        RolePrecheck.Require(bench, caller, reviewId, Permission.Edit, what);
        if (bench.Reviews.Get(caller.Actor, reviewId).Type != Review.Reviews.ReviewType.Quality)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"Review {reviewId} is a process review; samples and feedback analyses belong to quality reviews (create one with quality: true).");
        }
    }

    private static bool WantsCsv(HttpRequest request)
        => request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    // An artefact of a list by its name (without regard to case) or by its id or a prefix of at least eight characters.
    private static Versioned<T> Named<T>(IReadOnlyList<Versioned<T>> all, string key, Func<T, string> name, string what)
        where T : IArtefact
    {
        string text = key.Trim();
        var match = all.Where(a => string.Equals(name(a.Value), text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 0 && text.Length >= 8)
        {
            match = [.. all.Where(a => a.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase))];
        }

        return match.Count == 1 ? match[0] : throw new StepwiseException(ProblemKind.NotFound,
            $"'{text}' names {(match.Count == 0 ? "no" : "more than one")} {what} of this review" + (all.Count == 0 ? "; it has none yet." : $"; its {what}s are {string.Join(", ", all.Select(a => name(a.Value)))}.")) { Subject = what + " " + text };
    }
}
