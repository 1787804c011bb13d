using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Planning;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Stages;

/// <summary>
/// Evaluate, decide, implement, monitor: the evaluation (decision matrix, cost-benefit, risks), recommendations, the
/// implementation plan and the monitoring plan. The evaluation, the plan and the monitoring plan are one artefact each
/// per review: every change to them names its ETag (If-Match), or If-None-Match: * for the first.
/// </summary>
public static class DecisionsApi
{
    /// <summary>Maps <c>/evaluation</c>, <c>/recommendations</c>, <c>/plan</c> and <c>/monitoring</c> of a review.</summary>
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder api)
    {
        var review = api.MapGroup("/reviews/{reviewId:guid}");

        var evaluation = review.MapGroup("/evaluation").WithTags("Evaluation");
        evaluation.MapGet("/", Results<Ok<ArtefactBody<OptionEvaluation>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, bench.Evaluation.Get(caller.Actor, reviewId) ?? throw StepwiseException.NotFound("This review has no evaluation yet.", "evaluation")))
            .WithName("GetEvaluation").WithSummary("The evaluation: criteria, scores, cost-benefit, risks").ProducesProblems(403, 404);
        evaluation.MapGet("/matrix", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Evaluation.Matrix(caller.Actor, reviewId)))
            .WithName("GetDecisionMatrix").WithSummary("The weighted decision matrix, its ranking, and whether the winner changes if any weight moves ±20%").ProducesProblems(403, 404);
        evaluation.MapPut("/criteria", (Caller caller, Guid reviewId, JsonBody<CriteriaRequest> body, Workbench.Workbench bench, HttpContext http)
                => Changed(http, v => bench.Evaluation.SetCriteria(caller.Actor, reviewId, body.Value, v)))
            .WithName("SetCriteria").WithSummary("Set the criteria and their weights (criterion: NAME=WEIGHT, weights summing to 1)").ProducesProblems(400, 403, 404, 409, 412, 428);
        evaluation.MapPost("/scores", (Caller caller, Guid reviewId, JsonBody<ScoreRequest> body, Workbench.Workbench bench, HttpContext http)
                => Changed(http, v => bench.Evaluation.Score(caller.Actor, reviewId, body.Value, v)))
            .WithName("ScoreOption").WithSummary("Score an option on a criterion (1-5, with a rationale)").ProducesProblems(400, 403, 404, 409, 412, 428);
        evaluation.MapPost("/cost-benefits", (Caller caller, Guid reviewId, JsonBody<CostBenefitRequest> body, Workbench.Workbench bench, HttpContext http)
                => Changed(http, v => bench.Evaluation.CostBenefit(caller.Actor, reviewId, body.Value, v)))
            .WithName("SetCostBenefit").WithSummary("An option's costs and savings: NPV at the discount rate, payback, and the savings interval from its simulation").ProducesProblems(400, 403, 404, 409, 412, 428);
        evaluation.MapPost("/risks", (Caller caller, Guid reviewId, JsonBody<RiskRequest> body, Workbench.Workbench bench, HttpContext http)
                => Changed(http, v => bench.Evaluation.AddRisk(caller.Actor, reviewId, body.Value, v)))
            .WithName("AddRisk").WithSummary("A risk: likelihood and impact 1-5, owner, mitigation").ProducesProblems(400, 403, 404, 409, 412, 428);

        var recommendations = review.MapGroup("/recommendations").WithTags("Recommendations");
        recommendations.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Decisions.List(caller.Actor, reviewId)))
            .WithName("ListRecommendations").WithSummary("Recommendations with their options and whether each is agreed").ProducesProblems(403, 404);
        recommendations.MapPost("/", (Caller caller, Guid reviewId, JsonBody<RecommendationRequest> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var saved = bench.Decisions.Recommend(caller.Actor, reviewId, body.Value, expectedVersion: 0);
                ETags.Set(response, saved.Recommendation.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/recommendations/{saved.Recommendation.Value.Id:D}", saved);
            })
            .WithName("Recommend").WithSummary("Recommend options with a rationale and evidence (409 when one has that title)").ProducesProblems(400, 403, 404, 409);
        recommendations.MapPut("/{recommendation}", (Caller caller, Guid reviewId, string recommendation, JsonBody<RecommendationRequest> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the recommendation");
                var current = bench.Decisions.List(caller.Actor, reviewId).FirstOrDefault(r => r.Recommendation.Value.Id.ToString("D") == recommendation || string.Equals(r.Recommendation.Value.Title, recommendation, StringComparison.OrdinalIgnoreCase))
                    ?? throw StepwiseException.NotFound($"This review has no recommendation '{recommendation}'.", $"recommendation {recommendation}");
                if (!string.Equals(current.Recommendation.Value.Title, body.Value.Title?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    throw StepwiseException.Invalid("title", $"must be the recommendation's title ('{current.Recommendation.Value.Title}').");
                }

                var saved = bench.Decisions.Recommend(caller.Actor, reviewId, body.Value, version);
                ETags.Set(http.Response, saved.Recommendation.Version);
                return TypedResults.Ok(saved);
            })
            .WithName("ChangeRecommendation").WithSummary("Change a recommendation (If-Match: its ETag); its sign-offs become stale").ProducesProblems(400, 403, 404, 409, 412, 428);
        recommendations.MapPost("/{recommendation}/withdrawal", (Caller caller, Guid reviewId, string recommendation, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the recommendation");
                var saved = bench.Decisions.Withdraw(caller.Actor, reviewId, recommendation, version);
                ETags.Set(http.Response, saved.Recommendation.Version);
                return TypedResults.Ok(saved);
            })
            .WithName("WithdrawRecommendation").WithSummary("Withdraw a recommendation (If-Match: its ETag)").ProducesProblems(403, 404, 409, 412, 428);

        var plan = review.MapGroup("/plan").WithTags("Plan");
        plan.MapGet("/", Results<Ok<ArtefactBody<ImplementationPlan>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, bench.Plan.Get(caller.Actor, reviewId) ?? throw StepwiseException.NotFound("This review has no implementation plan yet.", "plan")))
            .WithName("GetPlan").WithSummary("The implementation plan: tasks, owners, dates, dependencies, RACI, progress").ProducesProblems(403, 404);
        plan.MapPost("/tasks", (Caller caller, Guid reviewId, JsonBody<TaskRequest> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatchOrNone(http.Request, "the plan");
                return Tagged.Saved(http, bench.Plan.SaveTask(caller.Actor, reviewId, body.Value, version));
            })
            .WithName("SaveTask").WithSummary("Add or change a task (If-Match: the plan's ETag; If-None-Match: * for the first task)").ProducesProblems(400, 403, 404, 409, 412, 428);
        plan.MapPut("/tasks/{task}/status", (Caller caller, Guid reviewId, string task, JsonBody<TaskStatusBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the plan");
                return Tagged.Saved(http, bench.Plan.UpdateStatus(caller.Actor, reviewId, new TaskStatusRequest { Task = task, Status = body.Value.Status, Note = body.Value.Note, Version = version }));
            })
            .WithName("UpdateTaskStatus").WithSummary("Report a task's progress: its owner, or an owner of the review (If-Match: the plan's ETag)").ProducesProblems(400, 403, 404, 409, 412, 428);
        plan.MapPut("/go-live", (Caller caller, Guid reviewId, JsonBody<GoLiveRequest> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatchOrNone(http.Request, "the plan");
                return Tagged.Saved(http, bench.Plan.SetGoLive(caller.Actor, reviewId, body.Value, version));
            })
            .WithName("SetGoLive").WithSummary("Set or clear when the change goes live (go_live: ISO-8601 date or date-time; empty clears it); the monitoring's default change date (If-Match: the plan's ETag; If-None-Match: * when there is no plan yet)").ProducesProblems(400, 403, 404, 409, 412, 428);

        var monitoring = review.MapGroup("/monitoring").WithTags("Monitoring");
        monitoring.MapGet("/", Results<Ok<ArtefactBody<MonitoringPlan>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, bench.Monitoring.Get(caller.Actor, reviewId) ?? throw StepwiseException.NotFound("This review has no monitoring plan yet.", "monitoring")))
            .WithName("GetMonitoring").WithSummary("The monitoring plan: KPIs with direction, baseline, target, frequency, and their measurements").ProducesProblems(403, 404);
        monitoring.MapPost("/kpis", (Caller caller, Guid reviewId, JsonBody<KpiRequest> body, Workbench.Workbench bench, HttpContext http, CancellationToken ct)
                => Changed(http, v => bench.Monitoring.SaveKpi(caller.Actor, reviewId, body.Value, ct, v), monitoring: true))
            .WithName("SaveKpi").WithSummary("Add or change a KPI; a baseline can be measured on the review's data (If-Match: the monitoring plan's ETag; If-None-Match: * for the first)").ProducesProblems(400, 403, 404, 409, 412, 428);
        monitoring.MapPost("/measurements", (Caller caller, Guid reviewId, JsonBody<MeasurementRequest> body, Workbench.Workbench bench, HttpContext http, CancellationToken ct)
                => Changed(http, v => bench.Monitoring.Measure(caller.Actor, reviewId, body.Value, ct, v), monitoring: true))
            .WithName("Measure").WithSummary("Record a measurement of a KPI: a value with its source, or measured on the review's data over a period (If-Match: the monitoring plan's ETag)").ProducesProblems(400, 403, 404, 409, 412, 428);

        return api;
    }

    // Changes the evaluation (or the monitoring plan) at the version read, and answers with what the layer returned
    // and the artefact's new ETag: the save succeeded at exactly that version, so the new one is the next (reading it
    // back could name a version someone else saved since).
    private static Ok<T> Changed<T>(HttpContext http, Func<long, T> change, bool monitoring = false)
    {
        long version = ETags.RequireIfMatchOrNone(http.Request, monitoring ? "the monitoring plan" : "the evaluation");
        var result = change(version);
        ETags.Set(http.Response, version + 1);
        return TypedResults.Ok(result);
    }
}

/// <summary>A task's progress.</summary>
/// <param name="Status">not-started, in-progress, done or blocked.</param>
/// <param name="Note">What was done or what blocks it.</param>
internal sealed record TaskStatusBody(string Status, string? Note = null);
