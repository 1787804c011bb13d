using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Quality;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.Steps;
using Stepwise.Review.Storage;

namespace Stepwise.Review.Workspaces;

/// <summary>The rules that involve more than one artefact, checked before a save.</summary>
public sealed partial class Workspace
{
    private void CheckRules<T>(ReviewEntry entry, T artefact, StoredArtefact? previous)
        where T : IArtefact
    {
        if (artefact is Access.ReviewMember)
        {
            // Any review has members; the use-case layer decides who may change them.
            return;
        }

        if (entry.Type == ReviewType.Quality)
        {
            CheckQualityRules(entry, artefact, previous);
            return;
        }

        switch (artefact)
        {
            case ProcessReview review:
                RequireReviewId(entry, review.Id, "review");
                if (previous is not null && CanonicalJson.Deserialize<ProcessReview>(previous.Json, "review").Stage != review.Stage)
                {
                    throw new ReviewRuleException("The stage of a review changes only by moving stage, which checks that the move is allowed.");
                }

                break;
            case Scope scope:
                RequireReviewId(entry, scope.Id, "scope");
                RefuseScopeChangeAfterAgreement(entry.Id, scope, previous);
                break;
            case Communication communication:
                RequireStakeholders(entry.Id, communication.Audience);
                if (communication.Artefact is { } shared && shared.Kind != ArtefactKind.DataSource && _store.Find(entry.Id, shared) is null)
                {
                    throw new ReviewRuleException($"The communication shares {Describe(shared.Kind)} {shared.Id}, which is not in this review.");
                }

                break;
            case StepAssessment assessment:
                RequireStep(entry.Id, assessment.StepId);
                break;
            case ChallengeQuestion question:
                RequireStep(entry.Id, question.StepId);
                RequireStakeholders(entry.Id, [.. question.Answers.Select(a => a.StakeholderId), .. question.AskedOf]);
                break;
            case ImprovementOption option:
                CheckOption(entry.Id, option);
                break;
            case OptionEvaluation evaluation:
                RequireReviewId(entry, evaluation.Id, "evaluation");
                RequireStage(entry.Id, Stage.Evaluate, "Options are evaluated");
                evaluation.Checked();
                RequireOptions(entry.Id, [.. evaluation.Scores.Select(s => s.OptionId), .. evaluation.CostBenefits.Select(c => c.OptionId), .. evaluation.Risks.Where(r => r.OptionId is not null).Select(r => r.OptionId!.Value)]);
                break;
            case Recommendation recommendation:
                RequireStage(entry.Id, Stage.Evaluate, "Recommendations are made");
                RequireOptions(entry.Id, recommendation.OptionIds);
                break;
            case ImplementationPlan plan:
                RequireReviewId(entry, plan.Id, "implementation plan");
                RequireStage(entry.Id, Stage.Decide, "The implementation plan is written");
                plan.Checked();
                foreach (var task in plan.Tasks)
                {
                    if (task.RecommendationId is { } id && Find<Recommendation>(entry.Id, id) is null)
                    {
                        throw new ReviewRuleException($"Task '{task.Title}' carries out recommendation {id}, which is not in this review.");
                    }

                    RequireStakeholders(entry.Id, [.. task.Raci.Select(r => r.StakeholderId), .. task.OwnerId is { } owner ? [owner] : Array.Empty<Guid>()]);
                }

                if (plan.Tasks.FirstOrDefault(t => t.Status != PlanTaskStatus.NotStarted) is { } started && GetReview(entry.Id).Value.Stage < Stage.Implement)
                {
                    throw new ReviewRuleException($"Task '{started.Title}' cannot be {Progress(started.Status)} before the review moves to stage Implement (after a recommendation is agreed).");
                }

                break;
            case MonitoringPlan monitoring:
                RequireReviewId(entry, monitoring.Id, "monitoring plan");
                break;
            case MonitoringRun run:
                RequireReviewId(entry, run.Id, "monitoring of the change");
                RequireStage(entry.Id, Stage.Implement, "The change is monitored");
                break;
            case QualityReview or QualitySample or QualityAnalysis or QualityFinding or AgreedAction or AudienceBriefing:
                throw new ReviewRuleException($"A {Describe(T.Kind)} belongs to a quality review, not to a process review.");
        }
    }

    // From Evaluate on, every later stage rests on the agreed scope: a changed scope would leave the review at a stage
    // whose premise nobody agreed. The change is refused rather than silently sending the review back, so going back
    // is a deliberate, recorded move (with its reason) by someone allowed to move stages.
    private void RefuseScopeChangeAfterAgreement(Guid reviewId, Scope scope, StoredArtefact? previous)
    {
        var stage = GetReview(reviewId).Value.Stage;
        if (previous is null || stage < Stage.Evaluate || CanonicalJson.Hash(CanonicalJson.Serialize(scope)) == previous.Hash)
        {
            return;
        }

        throw new ReviewRuleException($"The review is at stage {stage}, which rests on the scope as agreed (version {previous.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}); a changed scope would need agreeing again. Move the review back to stage Scope first, with the reason, then change the scope and have it agreed again.");
    }

    private static string Progress(PlanTaskStatus status) => status switch
    {
        PlanTaskStatus.InProgress => "in progress",
        PlanTaskStatus.Done => "done",
        PlanTaskStatus.Blocked => "blocked",
        _ => "not started",
    };

    private void CheckOption(Guid reviewId, ImprovementOption option)
    {
        if (List<ImprovementOption>(reviewId).FirstOrDefault(o => o.Value.Id != option.Id && string.Equals(o.Value.Title, option.Title, StringComparison.OrdinalIgnoreCase)) is { } twin)
        {
            throw new ReviewRuleException($"The review already has an option titled '{twin.Value.Title}'; an option's title names its scenario, so titles must differ.");
        }

        var steps = new List<Step>();
        foreach (var stepId in option.StepIds)
        {
            steps.Add(Find<Step>(reviewId, stepId)?.Value ?? throw new ReviewRuleException($"Option '{option.Title}' names step {stepId}, which is not in this review."));
        }

        foreach (var questionId in option.QuestionIds)
        {
            _ = Find<ChallengeQuestion>(reviewId, questionId) ?? throw new ReviewRuleException($"Option '{option.Title}' answers question {questionId}, which is not in this review.");
        }

        var change = Find<Scope>(reviewId, reviewId)?.Value.Change;
        if (change is null)
        {
            return;
        }

        foreach (var type in option.ChangeTypes)
        {
            if (change.AllowedChanges.Count > 0 && !change.Allows(type))
            {
                throw new ReviewRuleException($"Option '{option.Title}' proposes {type}, which the scope does not allow (allowed: {string.Join(", ", change.AllowedChanges)}).");
            }
        }

        foreach (var scenarioChange in option.Changes)
        {
            var (verb, names) = scenarioChange switch
            {
                Simulation.Scenarios.RemoveStep r => ("remove", new[] { r.Step }),
                Simulation.Scenarios.MergeSteps m => ("merge away", new[] { m.First, m.Second }),
                _ => (string.Empty, Array.Empty<string>()),
            };
            foreach (var name in names)
            {
                var required = change.RequiredSteps.FirstOrDefault(r => string.Equals(r.Activity, name, StringComparison.Ordinal)
                    || steps.Any(s => string.Equals(s.Name, name, StringComparison.Ordinal) && string.Equals(r.Activity, s.Activity ?? s.Name, StringComparison.Ordinal)));
                if (required is not null)
                {
                    throw new ReviewRuleException($"Option '{option.Title}' would {verb} step '{name}', which must stay: {required.Reason}");
                }
            }
        }
    }

    private static void RequireReviewId(ReviewEntry entry, Guid id, string what)
    {
        if (id != entry.Id)
        {
            throw new ReviewRuleException($"A review has one {what}, whose id is the review's id ({entry.Id}); got {id}.");
        }
    }

    private void RequireStage(Guid reviewId, Stage stage, string what)
    {
        var current = GetReview(reviewId).Value.Stage;
        if (current < stage)
        {
            throw new ReviewRuleException($"{what} from stage {stage} on; the review is at stage {current}.");
        }
    }

    private void RequireStep(Guid reviewId, Guid stepId)
    {
        _ = Find<Step>(reviewId, stepId) ?? throw new ReviewRuleException($"Step {stepId} is not in this review.");
    }

    private void RequireStakeholders(Guid reviewId, IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids)
        {
            _ = Find<Stakeholder>(reviewId, id) ?? throw new ReviewRuleException($"{id} is not a stakeholder of this review.");
        }
    }

    private void RequireOptions(Guid reviewId, IReadOnlyList<Guid> ids)
    {
        foreach (var id in ids.Distinct())
        {
            _ = Find<ImprovementOption>(reviewId, id) ?? throw new ReviewRuleException($"Option {id} is not in this review.");
        }
    }
}
