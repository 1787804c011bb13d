using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Scorecard;
using Stepwise.Steps.Synthetic;

namespace Stepwise.Steps.Tests;

public class ScorecardTests
{
    [Fact]
    public void Assess_HelpdeskWithFeedbackRatesAndRules_EveryStepAssessedConsistently()
    {
        var log = Logs.Helpdesk;
        var (_, feedback) = PlantedFeedbackRun.Generate(log, new PlantedFeedbackOptions { Seed = 21, Effects = PlantedFeedbackRun.Effects });
        var options = new StepReviewOptions
        {
            Feedback = feedback,
            Cost = new CostModel { DefaultRate = 30, Handling = new HandlingTimeOptions { StandardTimes = new Dictionary<string, TimeSpan> { ["Closed"] = TimeSpan.FromMinutes(2) } } },
            Rules = RulePacks.Load("it-service-desk"),
        };

        var scorecard = StepReview.Assess(log, options);

        Assert.Equal(14, scorecard.Steps.Count);
        Assert.Equal(scorecard.Cost!.TotalCost, scorecard.Steps.Where(s => s.Cost!.Coverage != CostCoverage.None).Sum(s => s.Cost!.TotalCost), 6);
        Assert.Equal(scorecard.Questions.Count, scorecard.Steps.Sum(s => s.Questions) + scorecard.Questions.Count(q => scorecard.Find(q.Step) is null));
        var take = scorecard.Find("Take in charge ticket")!;
        Assert.NotNull(take.Satisfaction);
        Assert.True(take.ReworkSatisfaction!.Flagged);
        Assert.Equal(HandlingTimeBasis.Estimated, take.Handling.Basis);
        Assert.Equal(HandlingTimeBasis.Standard, scorecard.Find("Closed")!.Handling.Basis);
        Assert.NotNull(scorecard.Find("Resolve ticket")!.Compliance);
        Assert.Contains(scorecard.Questions, q => q.Trigger == QuestionTrigger.Satisfaction && q.Id == "satisfaction-rework/Take in charge ticket");
        Assert.Contains(scorecard.Questions, q => q.Trigger == QuestionTrigger.Violation);
        Assert.InRange(scorecard.ValueAdded.Share, 0, 1);
        Assert.Contains("estimated", scorecard.ValueAdded.Method, StringComparison.Ordinal);
        Assert.Equal(scorecard.Satisfaction!.Link.Outcomes.Count, feedback.Count);
        Assert.Equal(FactorKind.Step, scorecard.Satisfaction.Gaps[0].Kind);
    }

    [Fact]
    public void Assess_LogOnly_StepsAssessedWithoutTheOptionalParts()
    {
        var scorecard = StepReview.Assess(Logs.Bpic2013, new StepReviewOptions { HandoverBy = "org:group" });

        Assert.Equal(4, scorecard.Steps.Count);
        Assert.All(scorecard.Steps, s =>
        {
            Assert.Null(s.Cost);
            Assert.Null(s.Satisfaction);
            Assert.Null(s.Compliance);
        });
        Assert.Null(scorecard.Cost);
        Assert.NotEmpty(scorecard.Questions);
        Assert.Equal(["Accepted:BusinessValueAdding", "Completed:ValueAdding", "Queued:NonValueAdding", "Unmatched:BusinessValueAdding"], ValueClassNames(scorecard));
    }

    private static IEnumerable<string> ValueClassNames(StepScorecard scorecard) => scorecard.Values.Select(v => v.Step + ":" + v.Class).Order(StringComparer.Ordinal);
}
