using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Query;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Steps;

namespace Stepwise.Web.Api.Analyses;

/// <summary>
/// The analyses of a review's stored data inside its agreed scope: each takes the command line's filters and calendar as
/// query keys (<c>data_source</c>, <c>from</c>, <c>to</c>, <c>window</c>, <c>where</c>, <c>where_not</c>,
/// <c>starts_with</c>, <c>ends_with</c>, <c>contains</c>, <c>not_contains</c>, <c>top_variants</c>,
/// <c>min_duration</c>, <c>max_duration</c>, <c>working_hours</c>, <c>calendar_timezone</c>, <c>holidays</c>), and
/// answers with the result and its basis (data source and SHA-256, scope version, filter, measure, cases).
/// </summary>
public static class AnalysesApi
{
    private const string Filters = "Filters and calendar as the command line's options in snake_case: data_source, from, to, window, where (repeat the key), where_not, starts_with, ends_with, contains, not_contains, top_variants, min_duration, max_duration, working_hours, calendar_timezone, holidays.";

    /// <summary>Maps <c>/reviews/{reviewId}/analyses</c>.</summary>
    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder api)
    {
        var analyses = api.MapGroup("/reviews/{reviewId:guid}/analyses").WithTags("Analyses").ProducesProblems(400, 403, 404, 409);

        analyses.MapGet("/summary", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                var log = Open(bench, caller, reviewId, http, null, ct);
                return TypedResults.Ok(log.With(AnalysisViews.Summary(LogAnalyses.Summary(log.Selection))));
            })
            .WithName("AnalyseSummary").WithSummary("What the data holds inside the scope").WithDescription(Filters);

        analyses.MapGet("/activities", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                var log = Open(bench, caller, reviewId, http, null, ct);
                return TypedResults.Ok(log.With(AnalysisViews.Activities(LogAnalyses.Activities(log.Selection), log.Selection.Log)));
            })
            .WithName("AnalyseActivities").WithSummary("Each step: volume, repeats, service and waiting time, resources").WithDescription(Filters);

        analyses.MapGet("/dfg", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                var log = Open(bench, caller, reviewId, http, null, ct);
                return TypedResults.Ok(log.With(AnalysisViews.Dfg(LogAnalyses.Dfg(log.Selection))));
            })
            .WithName("AnalyseDfg").WithSummary("Which step follows which, how often and how long between them").WithDescription(Filters);

        analyses.MapGet("/variants", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                int top = 50;
                var log = Open(bench, caller, reviewId, http, q => top = q.Number("top", 1, 100_000) ?? 50, ct);
                return TypedResults.Ok(log.With(AnalysisViews.Variants(LogAnalyses.Variants(log.Selection), top)));
            })
            .WithName("AnalyseVariants").WithSummary("The paths cases take, most common first (top: how many, default 50)").WithDescription(Filters);

        analyses.MapGet("/cases", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                int slowest = 20;
                var log = Open(bench, caller, reviewId, http, q => slowest = q.Number("slowest", 0, 10_000) ?? 20, ct);
                return TypedResults.Ok(log.With(AnalysisViews.Cases(LogAnalyses.Cases(log.Selection), log.Selection.Log, slowest)));
            })
            .WithName("AnalyseCases").WithSummary("Throughput times, events per case, rework, and the slowest cases (slowest: how many, default 20)").WithDescription(Filters);

        analyses.MapGet("/handovers", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                string? by = null;
                var log = Open(bench, caller, reviewId, http, q => by = q.Text("by"), ct);
                return TypedResults.Ok(log.With(AnalysisViews.Handovers(LogAnalyses.Handovers(log.Selection, by))));
            })
            .WithName("AnalyseHandovers").WithSummary("Work passed (and bounced back) between resources or the values of an attribute (by)").WithDescription(Filters);

        analyses.MapGet("/map", Results<ContentHttpResult, Ok<Analysis<MapView>>> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                string? format = null;
                MapRequest map = new();
                var request = Request(http, q =>
                {
                    format = q.Text("format");
                    map = q.Bind<MapRequest>("bpmn");
                });
                format = (format ?? "svg").Trim().ToLowerInvariant();
                if (format is not ("svg" or "bpmn" or "json"))
                {
                    throw Workbench.Problems.StepwiseException.Invalid("format", $"'{format}' must be svg, bpmn or json.");
                }

                var drawn = bench.Analyses.Map(caller.Actor, reviewId, request, map with { Bpmn = format != "svg" }, ct);
                http.HttpContext.Response.Headers["X-Stepwise-Data-Sha256"] = drawn.Basis.DataSha256;
                return format switch
                {
                    "svg" => TypedResults.Text(drawn.Result.Svg, "image/svg+xml; charset=utf-8"),
                    "bpmn" => TypedResults.Text(drawn.Result.Bpmn!, "application/xml; charset=utf-8"),
                    _ => TypedResults.Ok(new Analysis<MapView>(new MapView(drawn.Result.Svg, drawn.Result.Bpmn!), drawn.Basis)),
                };
            })
            .WithName("AnalyseMap").WithSummary("The process map as SVG (format=svg, default), BPMN 2.0 (format=bpmn) or both in JSON with the basis (format=json)")
            .WithDescription(Filters + " Map options: overlay, count, time, activities, paths, lanes, max_lanes, scheme, direction, title, paint (none, cost, satisfaction, breaches, waiting).");

        analyses.MapGet("/map/file", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                string? format = null;
                MapRequest map = new();
                var request = Request(http, q =>
                {
                    format = q.Text("format");
                    map = q.Bind<MapRequest>("bpmn");
                });
                var file = bench.Analyses.ExportMap(caller.Actor, reviewId, request, map, format ?? "svg", ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("ExportMap").WithSummary("The process map of the view described by the query, as a file to download: format=svg (default), png or bpmn")
            .WithDescription(Filters + " Map options as for the map, including paint.");

        analyses.MapGet("/steps", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                var (request, steps) = StepsRequest(http);
                return TypedResults.Ok(bench.Analyses.Steps(caller.Actor, reviewId, request, steps, null, ct));
            })
            .WithName("AnalyseSteps").WithSummary("The step scorecard (evidence, cost, compliance, value, questions), without saving it")
            .WithDescription(Filters + " Step options: rules (a rule pack), standard_time, threshold, value, handover_by, min_cases, fdr, confidence, customer_attribute, link_window.");

        analyses.MapGet("/questions", (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpRequest http, CancellationToken ct) =>
            {
                var (request, steps) = StepsRequest(http);
                return TypedResults.Ok(bench.Analyses.Questions(caller.Actor, reviewId, request, steps, ct));
            })
            .WithName("AnalyseQuestions").WithSummary("The questions that challenge each step, ranked by impact, without saving them").WithDescription(Filters);

        return api;
    }

    /// <summary>Reads the data source, filters and calendar (and the route's own keys) from the query.</summary>
    internal static AnalysisRequest Request(HttpRequest http, Action<QueryBinder>? more = null)
    {
        var query = new QueryBinder(http.Query);
        var request = new AnalysisRequest
        {
            DataSource = query.Text("data_source"),
            Filters = query.Bind<LogFilterRequest>(),
            Calendar = query.Bind<CalendarRequest>(),
        };
        more?.Invoke(query);
        ServerFiles.Check(query.Errors, request);
        query.ThrowIfAny();
        return request;
    }

    private static ReviewLog Open(Workbench.Workbench bench, Caller caller, Guid reviewId, HttpRequest http, Action<QueryBinder>? more, CancellationToken ct)
        => bench.Analyses.Open(caller.Actor, reviewId, Request(http, more), ct);

    private static (AnalysisRequest Request, StepReviewRequest Steps) StepsRequest(HttpRequest http)
    {
        StepReviewRequest steps = new();
        var request = Request(http, q =>
        {
            steps = q.Bind<StepReviewRequest>("feedback_case_id", "feedback_customer_id", "feedback_date", "feedback_overall", "feedback_scale", "score", "feedback_skip_bad_rows");
            ServerFiles.Check(q.Errors, steps);
        });
        return (request, steps);
    }
}

/// <summary>The map as SVG and BPMN.</summary>
/// <param name="Svg">The stand-alone SVG.</param>
/// <param name="Bpmn">The BPMN 2.0 XML with diagram layout.</param>
public sealed record MapView(string Svg, string Bpmn);
