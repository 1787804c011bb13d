using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.Access;
using Stepwise.Review.Monitoring;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Json;
using Stepwise.Web.Api.Query;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Monitoring;

/// <summary>Did the change work? The review's monitoring of its change: the latest run and earlier ones, a new run on the
/// review's stored data (a job), and each KPI's control chart as SVG.</summary>
public static class MonitoringApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/monitoring/runs</c> (the monitoring plan itself is under <c>/monitoring</c>).</summary>
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder api)
    {
        var monitoring = api.MapGroup("/reviews/{reviewId:guid}/monitoring/runs").WithTags("Monitoring");

        monitoring.MapGet("/latest", Results<Ok<ArtefactBody<MonitoringRun>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, bench.Monitoring.Latest(caller.Actor, reviewId) ?? throw NotMonitored()))
            .WithName("GetMonitoringRun")
            .WithSummary("The latest monitoring of the change: periods with their data hashes, options, each KPI with its interval and verdict, mix, control charts, conformance, forecasts")
            .ProducesProblems(403, 404);

        monitoring.MapGet("/{version:long}", (Caller caller, Guid reviewId, long version, Workbench.Workbench bench)
                => TypedResults.Ok(ArtefactBody<MonitoringRun>.Of(bench.Monitoring.Version(caller.Actor, reviewId, version)
                    ?? throw StepwiseException.NotFound($"The monitoring of this review has no version {version}.", $"monitoring version {version}"))))
            .WithName("GetMonitoringVersion").WithSummary("An earlier run of the monitoring, by version").ProducesProblems(403, 404);

        monitoring.MapGet("/latest/verdicts", (Caller caller, Guid reviewId, Workbench.Workbench bench) =>
            {
                var run = bench.Monitoring.Latest(caller.Actor, reviewId) ?? throw NotMonitored();
                return TypedResults.Ok(run.Value.Kpis.Select(k => new KpiVerdictView(k.Key, k.Name, k.Before, k.After, k.Difference, k.Low, k.High, k.PValue, k.AdjustedPValue, MonitoringWords.Verdict(k.Verdict), MonitoringWords.Sentence(k))).ToList());
            })
            .WithName("GetMonitoringVerdicts").WithSummary("Per KPI: name, before, after, difference, ci_low, ci_high, p_value, verdict, and the verdict in plain words").ProducesProblems(403, 404);

        monitoring.MapGet("/latest/chart", (Caller caller, Guid reviewId, string kpi, Workbench.Workbench bench) =>
            {
                var run = bench.Monitoring.Latest(caller.Actor, reviewId) ?? throw NotMonitored();
                var trend = run.Value.Trends.FirstOrDefault(t => string.Equals(t.Key, kpi, StringComparison.Ordinal))
                    ?? throw StepwiseException.Invalid("kpi", $"'{kpi}' has no control chart in the latest monitoring; charted KPIs: {string.Join(", ", run.Value.Trends.Select(t => t.Key))}.");
                return TypedResults.Text(MonitoringRecords.Svg(trend), "image/svg+xml");
            })
            .WithName("GetMonitoringChart").WithSummary("A KPI's control chart across the change, as SVG (kpi: its key)").ProducesProblems(400, 403, 404);

        monitoring.MapPost("/", (Caller caller, Guid reviewId, JsonBody<ChangeMonitoringRequest> body, Workbench.Workbench bench, ApiJobs jobs) =>
            {
                var request = body.Value;
                var v = new Validation();
                ServerFiles.Check(v, request.Filters);
                ServerFiles.Check(v, request.Calendar);
                if (request.Rates is { Length: > 0 })
                {
                    v.Add("rates", "would name a file on the server, which the API does not read; leave it out (cost per case then is not monitored).");
                }

                if (request.Feedback is { Length: > 0 })
                {
                    v.Add("feedback", "would name a file on the server, which the API does not read; leave it out (satisfaction then is not monitored), or monitor with survey responses from the web page or the command line.");
                }

                if (request.Rules is { Length: > 0 } rules && !Stepwise.Steps.Compliance.RulePacks.Exists(rules.Trim()))
                {
                    v.Add("rules", $"'{rules}' is not a rule pack; the packs are {string.Join(", ", Stepwise.Steps.Compliance.RulePacks.Names)} (rule files on the server are not read).");
                }

                v.ThrowIfAny();
                request.Validate().ThrowIfAny();
                RolePrecheck.Require(bench, caller, reviewId, Permission.Edit, "monitor the change");
                var status = jobs.Start(caller.Actor, "monitoring", "Monitoring of the change", reviewId, (progress, token) =>
                {
                    var run = bench.Monitoring.Monitor(caller.Actor, reviewId, request, progress, token);
                    return new JobOutcome(ArtefactBody<MonitoringRun>.Of(run.Run), $"{ApiRoutes.Prefix}/reviews/{reviewId:D}/monitoring/runs/latest");
                });
                return TypedResults.Accepted(ApiJobs.Location(status.Id), status);
            })
            .WithName("MonitorChange")
            .WithSummary("Monitor the change on the review's stored data and keep the result as the next version (a job)")
            .WithDescription("before, after (data sources), change_date, settling_in, assign_by, before_from, before_to, after_from, after_to, kpi, option, mix_by, interval, confidence, adjust, resamples, seed, quantile_test, meaningful_change, meaningful_rate_change, waiting_steps, min_values, rules (a pack), customer_attribute, fcr_attribute, repeat_window, filters, calendar. Without change_date, the implementation plan's go_live is the change date, else the previous run's.")
            .ProducesProblems(400, 403, 404);

        return api;
    }

    private static StepwiseException NotMonitored()
        => StepwiseException.NotFound("The change of this review has not been monitored yet; run the monitoring (POST .../monitoring/runs).", "monitoring");
}

/// <summary>One KPI's verdict, with the fields scripts expect.</summary>
/// <param name="Key">The measure key.</param>
/// <param name="Name">The KPI's name.</param>
/// <param name="Before">Before, in the base unit.</param>
/// <param name="After">After.</param>
/// <param name="Difference">After minus before.</param>
/// <param name="CiLow">Lower bound of the difference.</param>
/// <param name="CiHigh">Upper bound.</param>
/// <param name="PValue">The raw p-value.</param>
/// <param name="AdjustedPValue">Adjusted for the number of KPIs.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="InWords">The verdict in plain words.</param>
public sealed record KpiVerdictView(string Key, string Name, double? Before, double? After, double? Difference, double? CiLow, double? CiHigh, double? PValue, double? AdjustedPValue, string Verdict, string InWords);
