using Stepwise.Review.Common;
using Stepwise.Review.Reviews;

namespace Stepwise.Review.Tests;

public sealed class StageRulesTests
{
    private static readonly StageFacts Nothing = new(false, false, false, false);
    private static readonly StageFacts Everything = new(true, true, true, true, true);

    [Fact]
    public void Check_SkippingAStage_RefusedNamingTheNextStage()
    {
        var ex = Assert.Throws<ReviewRuleException>(() => StageRules.Check(Stage.Scope, Stage.Evaluate, Everything));
        Assert.Contains("next stage is Analyse", ex.Message);
    }

    [Fact]
    public void Check_EvaluateWithoutAgreedScope_Refused()
    {
        var facts = new StageFacts(HasScope: true, ScopeAgreed: false, RecommendationAgreed: true, RecommendationImplemented: true);
        var ex = Assert.Throws<ReviewRuleException>(() => StageRules.Check(Stage.Challenge, Stage.Evaluate, facts));
        Assert.Contains("scope is agreed", ex.Message);
    }

    [Fact]
    public void Check_MonitorBeforeImplementation_Refused()
    {
        var facts = new StageFacts(true, true, true, RecommendationImplemented: false);
        Assert.NotNull(StageRules.Refusal(Stage.Implement, Stage.Monitor, facts));
        Assert.Null(StageRules.Refusal(Stage.Implement, Stage.Monitor, Everything));
    }

    [Fact]
    public void Check_CloseBeforeTheChangeIsMonitored_RefusedNamingTheVerb()
    {
        var facts = Everything with { ChangeMonitored = false };
        Assert.Contains("stepwise review monitor", Assert.Throws<ReviewRuleException>(() => StageRules.Check(Stage.Monitor, Stage.Closed, facts)).Message);
        Assert.Null(StageRules.Refusal(Stage.Monitor, Stage.Closed, Everything));
    }

    [Theory]
    [InlineData(Stage.Scope, Stage.Analyse, false)]
    [InlineData(Stage.Decide, Stage.Implement, false)]
    [InlineData(Stage.Analyse, Stage.Challenge, true)]
    [InlineData(Stage.Monitor, Stage.Closed, false)]
    public void Refusal_ForwardMoveWithNoFacts_AllowedOnlyWhereNoAgreementIsNeeded(Stage from, Stage to, bool allowed)
        => Assert.Equal(allowed, StageRules.Refusal(from, to, Nothing) is null);

    [Fact]
    public void Refusal_MovingBack_AlwaysAllowed()
    {
        foreach (var from in Enum.GetValues<Stage>())
        {
            foreach (var to in Enum.GetValues<Stage>().Where(s => s < from))
            {
                Assert.Null(StageRules.Refusal(from, to, Nothing));
            }
        }
    }

    [Fact]
    public void Refusal_FromClosedForward_Refused()
        => Assert.NotNull(StageRules.Refusal(Stage.Closed, Stage.Closed, Everything));
}
