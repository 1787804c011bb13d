using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.Steps;
using Stepwise.Workbench.Access;

namespace Stepwise.Workbench.Reviews;

/// <summary>Everything a review holds, in one read.</summary>
public sealed partial class ReviewUseCases
{
    /// <summary>Everything a process review holds, with people and artefacts named.</summary>
    public ReviewContents Show(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireProcess(reviewId);
        var ws = _bench.Workspace;
        var names = Names(reviewId);
        string Name(Guid id) => names.TryGetValue(id, out var n) ? n : id.ToString("D")[..8];
        var review = ws.GetReview(reviewId).Value;
        var scope = ws.Find<Scope>(reviewId, reviewId);
        var steps = ws.List<Step>(reviewId).OrderBy(s => s.Value.Position).ToList();
        var assessments = ws.List<StepAssessment>(reviewId).Select(a => a.Value).ToList();
        var stepNames = steps.ToDictionary(s => s.Value.Id, s => s.Value.Name);
        var evaluation = ws.Find<OptionEvaluation>(reviewId, reviewId)?.Value;
        var titles = ws.List<ImprovementOption>(reviewId).ToDictionary(o => o.Value.Id, o => o.Value.Title);
        var plan = ws.Find<ImplementationPlan>(reviewId, reviewId);
        var recommendations = _bench.Decisions.List(actor, reviewId);
        var facts = ws.Facts(reviewId);
        Stage? next = review.Stage == Stage.Closed ? null : review.Stage + 1;
        return new ReviewContents
        {
            Review = Get(actor, reviewId),
            Aims = review.Aims,
            Scope = scope,
            ScopeText = scope is null ? [] : ScopeRequest.Describe(scope.Value),
            ScopeAgreement = ws.Agreement(reviewId, new ArtefactRef(ArtefactKind.Scope, reviewId)),
            Stakeholders = [.. ws.List<Stakeholder>(reviewId).Select(s => new StakeholderLine(s, s.Value.UserId is { } u ? _bench.Store.FindUser(u)?.Name : null))],
            Members = Members(actor, reviewId),
            DataSources = _bench.Data.List(actor, reviewId),
            Steps = [.. steps.Select(s => new StepLine(s, [.. assessments.Where(a => a.StepId == s.Value.Id).OrderBy(a => a.Aspect)]))],
            Questions = [.. ws.List<ChallengeQuestion>(reviewId).Select(q => new QuestionLine(
                q,
                stepNames.GetValueOrDefault(q.Value.StepId, "?"),
                [.. q.Value.AskedOf.Select(Name)],
                [.. q.Value.Answers.Select(a => new AnswerLine(Name(a.StakeholderId), a.Text, a.At, a.EnteredBy, a.OnBehalf))]))],
            Options = [.. ws.List<ImprovementOption>(reviewId).Select(o => new OptionLine(
                o,
                [.. o.Value.Changes.Select(ChangeKinds.Describe)],
                [.. o.Value.StepIds.Select(id => stepNames.GetValueOrDefault(id, "?"))],
                [.. o.Value.QuestionIds.Select(Name)]))],
            Matrix = _bench.Evaluation.Matrix(actor, reviewId),
            CostBenefits = [.. (evaluation?.CostBenefits ?? []).Select(c => new CostBenefitLine(titles.GetValueOrDefault(c.OptionId, "?"), c))],
            Risks = [.. (evaluation?.Risks ?? []).OrderByDescending(r => r.Exposure).Select(r => new RiskLine(r.OptionId is { } id ? titles.GetValueOrDefault(id, "?") : null, r))],
            Recommendations = recommendations,
            Plan = plan,
            PlanAgreement = ws.Agreement(reviewId, new ArtefactRef(ArtefactKind.ImplementationPlan, reviewId)),
            Tasks = [.. (plan?.Value.Tasks ?? []).Select(t => new TaskLine(
                t,
                t.RecommendationId is { } r ? Name(r) : null,
                [.. t.DependsOn.Select(Name)],
                [.. t.Raci.Select(x => $"{x.Role.ToString()[0]}: {Name(x.StakeholderId)}")]))],
            Communications = [.. Communications(actor, reviewId).Select(c => new CommunicationLine(
                c,
                [.. c.Value.Audience.Select(Name)],
                c.Value.Artefact is { } a ? ws.Label(reviewId, a) : null))],
            Monitoring = ws.Find<MonitoringPlan>(reviewId, reviewId),
            MonitoringRun = ws.Find<MonitoringRun>(reviewId, reviewId),
            SignOffs = ws.SignOffs(reviewId),
            NextStage = next,
            NextStageRefusal = next is { } n ? StageRules.Refusal(review.Stage, n, facts) : null,
        };
    }
}
