using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.History;
using Stepwise.Review.People;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Workspaces;

namespace Stepwise.Storage.Tests;

/// <summary>Sign-offs follow the sequence of decisions; the scope holds still once the review evaluates options.</summary>
public abstract partial class WorkspaceStoreContract
{
    [SkippableFact]
    public void Agreement_ScopeRevertedAfterARejection_EarlierApprovalsDoNotRevive()
    {
        var ws = OpenWorkspace();
        var (id, sponsor, second) = ReviewWithTwoAccountable(ws);
        var scopeRef = new ArtefactRef(ArtefactKind.Scope, id);
        var a = ws.Save(id, new Scope { Id = id, InScope = ["Incidents raised by phone"] }, 0, "lead");
        ws.SignOff(id, scopeRef, a.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("sam", null));
        ws.SignOff(id, scopeRef, a.Version, second, SignOffDecision.Approved, null, SignOffEntry.Own("olga", null));
        Assert.True(ws.Agreement(id, scopeRef).IsAgreed);

        // Version 2 (content B) is rejected by the sponsor; version 3 puts content A back, byte for byte.
        var b = ws.Save(id, a.Value with { InScope = ["Incidents raised by phone or e-mail"] }, a.Version, "lead");
        ws.SignOff(id, scopeRef, b.Version, sponsor, SignOffDecision.Rejected, "E-mail is another team's process", SignOffEntry.Own("sam", null));
        var reverted = ws.Save(id, a.Value, b.Version, "lead");
        Assert.Equal(a.Hash, reverted.Hash);

        var agreement = ws.Agreement(id, scopeRef);
        Assert.False(agreement.IsAgreed);
        Assert.Contains("Sam Sponsor", agreement.Reason);
        Assert.Contains("Olga Ops", agreement.Reason); // her approval predates the rejection, so it is asked again
        var states = ws.SignOffs(id);
        Assert.Equal([true, true, true], states.Select(s => s.IsStale));
        Assert.Contains("Sam Sponsor decided again later", states[0].StaleBecause);
        Assert.Contains("rejected version 2 after this approval", states[1].StaleBecause);
        Assert.Contains("changed after this decision", states[2].StaleBecause);

        // Both approve the reverted version: agreed again, and the stage rules see it.
        ws.SignOff(id, scopeRef, reverted.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("sam", null));
        Assert.False(ws.Agreement(id, scopeRef).IsAgreed);
        ws.SignOff(id, scopeRef, reverted.Version, second, SignOffDecision.Approved, null, SignOffEntry.Own("olga", null));
        Assert.True(ws.Agreement(id, scopeRef).IsAgreed);
        Assert.True(ws.Facts(id).ScopeAgreed);
    }

    [SkippableFact]
    public void Agreement_ScopeRevertedWithoutARejection_ApprovalOfThatContentStillCounts()
    {
        var ws = OpenWorkspace();
        var (id, sponsor, second) = ReviewWithTwoAccountable(ws);
        var scopeRef = new ArtefactRef(ArtefactKind.Scope, id);
        var a = ws.Save(id, new Scope { Id = id, InScope = ["Incidents"] }, 0, "lead");
        ws.SignOff(id, scopeRef, a.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("sam", null));
        var b = ws.Save(id, a.Value with { InScope = ["Incidents and requests"] }, a.Version, "lead");
        var reverted = ws.Save(id, a.Value, b.Version, "lead");
        ws.SignOff(id, scopeRef, reverted.Version, second, SignOffDecision.Approved, null, SignOffEntry.Own("olga", null));

        // Nobody objected in between: the sponsor approved exactly this content and has not decided otherwise since.
        Assert.True(ws.Agreement(id, scopeRef).IsAgreed);
        Assert.All(ws.SignOffs(id), s => Assert.False(s.IsStale));
    }

    [SkippableFact]
    public void Agreement_SignerChangesTheirMindOnTheSameVersion_LatestDecisionCounts()
    {
        var ws = OpenWorkspace();
        var (id, sponsor, second) = ReviewWithTwoAccountable(ws);
        var scopeRef = new ArtefactRef(ArtefactKind.Scope, id);
        var a = ws.Save(id, new Scope { Id = id, InScope = ["Incidents"] }, 0, "lead");
        ws.SignOff(id, scopeRef, a.Version, sponsor, SignOffDecision.Rejected, "Too wide", SignOffEntry.Own("sam", null));
        ws.SignOff(id, scopeRef, a.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("sam", null));
        ws.SignOff(id, scopeRef, a.Version, second, SignOffDecision.Approved, null, SignOffEntry.Own("olga", null));

        Assert.True(ws.Agreement(id, scopeRef).IsAgreed);
        Assert.Equal([true, false, false], ws.SignOffs(id).Select(s => s.IsStale));
    }

    [SkippableFact]
    public void SaveScope_AfterEvaluate_RefusedUntilTheReviewIsMovedBackWithAReason()
    {
        var ws = OpenWorkspace();
        var (id, sponsor, second) = ReviewWithTwoAccountable(ws);
        var scopeRef = new ArtefactRef(ArtefactKind.Scope, id);
        var scope = ws.Save(id, new Scope { Id = id, InScope = ["Incidents"] }, 0, "lead");
        ws.SignOff(id, scopeRef, scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Own("sam", null));
        ws.SignOff(id, scopeRef, scope.Version, second, SignOffDecision.Approved, null, SignOffEntry.Own("olga", null));
        long v = ws.GetReview(id).Version;
        foreach (var stage in new[] { Stage.Analyse, Stage.Challenge, Stage.Evaluate })
        {
            v = ws.MoveStage(id, stage, v, "lead").Version;
        }

        var refused = Assert.Throws<ReviewRuleException>(() => ws.Save(id, scope.Value with { OutOfScope = ["Walk-ins"] }, scope.Version, "lead"));
        Assert.Contains("stage Evaluate", refused.Message);
        Assert.Contains("Move the review back to stage Scope", refused.Message);
        Assert.Equal(scope.Version, ws.Find<Scope>(id, id)!.Version);
        var rejection = Assert.Throws<ReviewRuleException>(() => ws.SignOff(id, scopeRef, scope.Version, sponsor, SignOffDecision.Rejected, "Walk-ins belong in", SignOffEntry.Own("sam", null)));
        Assert.Contains("back to stage Scope", rejection.Message);
        Assert.True(ws.Facts(id).ScopeAgreed);

        // Saving the same content again changes nothing that was agreed, so it is not refused.
        ws.Save(id, scope.Value, scope.Version, "lead");

        v = ws.MoveStage(id, Stage.Scope, v, "lead", "Walk-in customers turned out to be a third of the volume").Version;
        var moved = ws.History(id, new ArtefactRef(ArtefactKind.Review, id)).Last();
        Assert.Equal(HistoryAction.StageMoved, moved.Action);
        Assert.Contains("from stage Evaluate to Scope: Walk-in customers turned out to be a third of the volume", moved.Summary);
        var changed = ws.Save(id, ws.Find<Scope>(id, id)!.Value with { OutOfScope = ["Walk-ins"] }, ws.Find<Scope>(id, id)!.Version, "lead");
        Assert.False(ws.Facts(id).ScopeAgreed);
        v = ws.MoveStage(id, Stage.Analyse, v, "lead").Version;
        v = ws.MoveStage(id, Stage.Challenge, v, "lead").Version;
        Assert.Contains("scope is agreed", Assert.Throws<ReviewRuleException>(() => ws.MoveStage(id, Stage.Evaluate, v, "lead")).Message);
        Assert.True(changed.Version > scope.Version);
    }

    private static (Guid ReviewId, Guid Sponsor, Guid Second) ReviewWithTwoAccountable(Workspace ws)
    {
        var (id, sponsor) = ReviewWithSponsor(ws);
        var second = ws.Save(id, new Stakeholder { Id = ws.NewId(), Name = "Olga Ops", Group = StakeholderGroup.TeamLeaders, Role = RaciRole.Accountable }, 0, "lead");
        return (id, sponsor, second.Value.Id);
    }
}
