using Bunit;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// At stage Evaluate the overview says what the stage is for and how far the review is (options simulated, scored on
/// every criterion, costed, risks, the recommendation), and what the rules ask to move on: nothing to reach Decide, an
/// agreed recommendation to reach Implement.
/// </summary>
public sealed class ReviewOverviewEvaluateTests
{
    [Fact]
    public void AtEvaluate_SaysWhatTheStageNeeds_AndHowFarTheReviewIs()
    {
        var (bench, lead, id) = AtEvaluate();
        bench.Options.Save(lead, id, new OptionRequest { Title = "No waiting step", RemoveStep = ["Wait"] });
        bench.Options.Save(lead, id, new OptionRequest { Title = "Better triage" });

        using (var context = PageContext.For(bench, lead))
        {
            var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#evaluate-progress")));
            string needs = page.Find("#evaluate-needs").TextContent;
            Assert.Contains("each option simulated, scored in the decision matrix and costed", needs, StringComparison.Ordinal);
            Assert.Contains("Only a recommendation agreed by every accountable stakeholder lets it move on from Decide to Implement", needs, StringComparison.Ordinal);
            string progress = page.Find("#evaluate-progress").TextContent;
            Assert.Contains("2 options, 0 of them simulated on their current changes; 1 without changes yet.", progress, StringComparison.Ordinal);
            Assert.Contains("No criteria yet", progress, StringComparison.Ordinal);
            Assert.Contains("0 of 2 options costed", progress, StringComparison.Ordinal);
            Assert.Contains("None yet: put one forward", progress, StringComparison.Ordinal);
        }

        // 0.6 × 5 + 0.4 × 4 = 4.60 for the option scored on both criteria; the other is scored on one only.
        bench.Evaluation.SetCriteria(lead, id, new CriteriaRequest { Criterion = ["Speed=0.6", "Cost=0.4"] });
        bench.Evaluation.Score(lead, id, new ScoreRequest { Option = "No waiting step", Criterion = "Speed", Score = 5, Rationale = "no parking" });
        bench.Evaluation.Score(lead, id, new ScoreRequest { Option = "No waiting step", Criterion = "Cost", Score = 4, Rationale = "a rule change" });
        bench.Evaluation.Score(lead, id, new ScoreRequest { Option = "Better triage", Criterion = "Speed", Score = 3, Rationale = "some" });
        bench.Evaluation.CostBenefit(lead, id, new CostBenefitRequest { Option = "No waiting step", OneOffCost = 2000, YearlySavings = 3500 });
        bench.Evaluation.AddRisk(lead, id, new RiskRequest { Description = "Late replies find tickets closed", Likelihood = 3, Impact = 3, Option = "No waiting step" });
        bench.Decisions.Recommend(lead, id, new RecommendationRequest { Title = "Stop parking tickets", Options = ["No waiting step"], Rationale = "Fastest" });

        using (var context = PageContext.For(bench, lead))
        {
            var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#evaluate-progress")));
            string progress = page.Find("#evaluate-progress").TextContent;
            Assert.Contains("2 criteria; 1 of 2 options scored on every criterion, first “No waiting step” (4.60 of 5).", progress, StringComparison.Ordinal);
            Assert.Contains("1 of 2 options costed", progress, StringComparison.Ordinal);
            Assert.Contains("1 risk recorded.", progress, StringComparison.Ordinal);
            Assert.Contains("“Stop parking tickets” is not agreed yet", progress, StringComparison.Ordinal);
        }

        // What the page says of the rules holds: Decide is open now, Implement only after the sign-off.
        bench.Reviews.MoveStage(lead, id, "decide");
        var refused = Assert.ThrowsAny<Exception>(() => bench.Reviews.MoveStage(lead, id, "implement"));
        Assert.Equal(ProblemKind.RuleBroken, ProblemCatalog.Classify(refused));
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        using (var context = PageContext.For(bench, lead))
        {
            var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
            page.WaitForAssertion(() => Assert.Contains("“Stop parking tickets” is agreed by every accountable stakeholder", page.Find("#evaluate-progress").TextContent, StringComparison.Ordinal));
        }

        bench.Reviews.MoveStage(lead, id, "implement");
    }

    [Fact]
    public void AtScope_NoEvaluationProgress()
    {
        var (bench, lead, id) = PageContext.NewReview();
        using var context = PageContext.For(bench, lead);

        var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#next-heading")));
        Assert.Empty(page.FindAll("#evaluate-progress"));
    }

    private static (Workbench.Workbench Bench, Workbench.Access.Actor Lead, Guid Review) AtEvaluate()
    {
        var (bench, lead, id) = PageContext.NewReview();
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        bench.Data.Import(lead, id, new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        bench.Reviews.MoveStage(lead, id, "challenge");
        bench.Reviews.MoveStage(lead, id, "evaluate");
        return (bench, lead, id);
    }
}
