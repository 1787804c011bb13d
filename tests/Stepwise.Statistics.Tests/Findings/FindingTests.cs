using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Findings;
using Stepwise.Statistics.Targets;

namespace Stepwise.Statistics.Tests.Findings;

public class FindingTests
{
    [Fact]
    public void Recommend_MissedTarget_PriorityOneOwnedAndDueInFourteenDays()
    {
        var assessment = TargetAssessment.Assess(TargetSpec.Parse("csat>=80%"), "overall", new Estimate(0.7, 0.65, 0.75, 300, 0.95));
        var findings = FindingRules.FromTargets([assessment]).ToList();
        Assert.Single(findings);
        Assert.Equal(1, findings[0].Priority);
        var policy = new ActionPolicy("Service manager") { Owners = new Dictionary<FindingKind, string> { [FindingKind.Theme] = "Complaints team" } };
        var actions = ActionPlanner.Recommend(findings, policy, new DateOnly(2024, 3, 1));
        Assert.Equal("Service manager", actions[0].Owner);
        Assert.Equal(new DateOnly(2024, 3, 15), actions[0].Due);
        Assert.Contains(actions[0].Finding.Evidence, e => e.Value.StartsWith("70.0%", StringComparison.Ordinal));
    }

    [Fact]
    public void FromTargets_MetOrUndecidedAbove_NoFinding()
    {
        var met = TargetAssessment.Assess(TargetSpec.Parse("csat>=80%"), "overall", new Estimate(0.9, 0.85, 0.95, 300, 0.95));
        var undecidedAbove = TargetAssessment.Assess(TargetSpec.Parse("csat>=80%"), "overall", new Estimate(0.82, 0.78, 0.86, 300, 0.95));
        Assert.Empty(FindingRules.FromTargets([met, undecidedAbove]));
    }

    [Fact]
    public void FromTheme_PositiveAndNoScoreGap_NoFinding()
    {
        Assert.Null(FindingRules.FromTheme("staff", 10, 0.1, 0.4, 0.5, 0.01, []));
        var finding = FindingRules.FromTheme("delays", 300, 0.2, -0.3, -1.5, 0.0001, ["quote"]);
        Assert.NotNull(finding);
        Assert.Equal(1, finding.Priority);
        Assert.Equal(FindingKind.Theme, finding.Kind);
    }
}
