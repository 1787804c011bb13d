using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.Access;
using Stepwise.Review.Steps;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Json;
using Stepwise.Web.Api.Query;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Steps;

namespace Stepwise.Web.Api.Stages;

/// <summary>Steps, their assessments, and the questions that challenge them with the answers of the people asked.</summary>
public static class StepsApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/steps</c> and <c>/reviews/{reviewId}/questions</c>.</summary>
    public static IEndpointRouteBuilder MapStepsApi(this IEndpointRouteBuilder api)
    {
        var steps = api.MapGroup("/reviews/{reviewId:guid}/steps").WithTags("Steps");

        steps.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Steps.List(caller.Actor, reviewId).Select(ArtefactBody<Step>.Of).ToList()))
            .WithName("ListSteps").WithSummary("The review's steps").ProducesProblems(403, 404);

        steps.MapPost("/", (Caller caller, Guid reviewId, JsonBody<StepRequest> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var saved = bench.Steps.Save(caller.Actor, reviewId, body.Value, expectedVersion: 0);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/steps/{Uri.EscapeDataString(saved.Value.Name)}", ArtefactBody<Step>.Of(saved));
            })
            .WithName("AddStep").WithSummary("Add a step (409 when one of that name exists)").ProducesProblems(400, 403, 404, 409);

        steps.MapPut("/{step}", (Caller caller, Guid reviewId, string step, JsonBody<StepRequest> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the step");
                if (!string.Equals(body.Value.Name?.Trim(), step, StringComparison.OrdinalIgnoreCase))
                {
                    throw StepwiseException.Invalid("name", $"must be the step's name in the address ('{step}'); a step is known by its name.");
                }

                return Tagged.Saved(http, bench.Steps.Save(caller.Actor, reviewId, body.Value, version));
            })
            .WithName("ChangeStep").WithSummary("Change a step (If-Match: its ETag)").ProducesProblems(400, 403, 404, 409, 412, 428);

        steps.MapGet("/assessments", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Steps.Assessments(caller.Actor, reviewId).Select(ArtefactBody<StepAssessment>.Of).ToList()))
            .WithName("ListAssessments").WithSummary("The saved step assessments, each with the hash of the data it was computed on").ProducesProblems(403, 404);

        steps.MapPost("/assessments", (Caller caller, Guid reviewId, JsonBody<AssessBody> body, Workbench.Workbench bench, ApiJobs jobs) =>
            {
                var (data, request) = (body.Value.Data ?? new AnalysisRequest(), body.Value.Steps ?? new StepReviewRequest());
                var v = new Validation();
                ServerFiles.Check(v, data);
                ServerFiles.Check(v, request);
                v.ThrowIfAny();
                RolePrecheck.Require(bench, caller, reviewId, Permission.Edit, "assess steps");
                var status = jobs.Start(caller.Actor, "assessment", "Step assessment", reviewId, (progress, token) =>
                {
                    var outcome = bench.Steps.Assess(caller.Actor, reviewId, data, request, progress, token);
                    return new JobOutcome(new { outcome.Saved, outcome.Warnings, outcome.Scorecard.Basis }, $"{ApiRoutes.Prefix}/reviews/{reviewId:D}/steps/assessments");
                });
                return TypedResults.Accepted(ApiJobs.Location(status.Id), status);
            })
            .WithName("AssessSteps").WithSummary("Assess every step on the review's data and save the assessments and questions (a job)")
            .WithDescription("data: data_source, filters and calendar; steps: the step options (rules as a pack name, standard_time, threshold, value, handover_by, min_cases, fdr, confidence).")
            .ProducesProblems(400, 403, 404);

        var questions = api.MapGroup("/reviews/{reviewId:guid}/questions").WithTags("Questions");

        questions.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Steps.Questions(caller.Actor, reviewId).Select(ArtefactBody<ChallengeQuestion>.Of).ToList()))
            .WithName("ListQuestions").WithSummary("The questions, with whom they are put to and their answers").ProducesProblems(403, 404);

        questions.MapGet("/{questionId:guid}", Results<Ok<ArtefactBody<ChallengeQuestion>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, Guid questionId, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, Question(bench, caller, reviewId, questionId)))
            .WithName("GetQuestion").WithSummary("One question").ProducesProblems(403, 404);

        questions.MapPost("/", (Caller caller, Guid reviewId, JsonBody<NewQuestion> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var saved = bench.Steps.Ask(caller.Actor, reviewId, body.Value);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/questions/{saved.Value.Id:D}", ArtefactBody<ChallengeQuestion>.Of(saved));
            })
            .WithName("AskQuestion").WithSummary("Raise a question about a step (step, text, asked_of)").ProducesProblems(400, 403, 404);

        questions.MapPut("/{questionId:guid}/asked-of", (Caller caller, Guid reviewId, Guid questionId, JsonBody<AskedOfBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the question");
                return Tagged.Saved(http, bench.Steps.PutTo(caller.Actor, reviewId, new PutQuestionRequest { Question = questionId.ToString("D"), AskedOf = body.Value.AskedOf }, version));
            })
            .WithName("PutQuestion").WithSummary("Put a question to stakeholders (If-Match: the question's ETag)").ProducesProblems(400, 403, 404, 409, 412, 428);

        questions.MapPost("/{questionId:guid}/answers", (Caller caller, Guid reviewId, Guid questionId, JsonBody<AnswerBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the question");
                var b = body.Value;
                var saved = bench.Steps.Answer(caller.Actor, reviewId, new AnswerRequest { Question = questionId.ToString("D"), Text = b.Text, Stakeholder = b.Stakeholder, Version = version });
                ETags.Set(http.Response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/questions/{questionId:D}", ArtefactBody<ChallengeQuestion>.Of(saved));
            })
            .WithName("AnswerQuestion").WithSummary("Answer a question as the stakeholder you are (or, for an owner, for a named stakeholder); If-Match: the question's ETag")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        return api;
    }

    private static Review.Artefacts.Versioned<ChallengeQuestion> Question(Workbench.Workbench bench, Caller caller, Guid reviewId, Guid questionId)
        => bench.Steps.Questions(caller.Actor, reviewId).FirstOrDefault(q => q.Value.Id == questionId)
            ?? throw StepwiseException.NotFound($"This review has no question {questionId}.", $"question {questionId}");
}

/// <summary>What to assess steps on and how.</summary>
/// <param name="Data">The data source, filters and calendar.</param>
/// <param name="Steps">The step options.</param>
internal sealed record AssessBody(AnalysisRequest? Data = null, StepReviewRequest? Steps = null);

/// <summary>Whom a question is put to.</summary>
/// <param name="AskedOf">Stakeholders by name.</param>
internal sealed record AskedOfBody(IReadOnlyList<string> AskedOf);

/// <summary>An answer.</summary>
/// <param name="Text">The answer.</param>
/// <param name="Stakeholder">Whose answer (an owner entering it for someone); the caller's own stakeholder when omitted.</param>
internal sealed record AnswerBody(string Text, string? Stakeholder = null);
