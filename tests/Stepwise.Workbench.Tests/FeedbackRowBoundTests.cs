using Stepwise.Review.Steps;
using Stepwise.Testing;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests;

/// <summary>The row bound on the survey responses a step assessment links to the log (what the Steps page uploads).</summary>
public sealed class FeedbackRowBoundTests
{
    [Fact]
    public void Assess_FeedbackPastTheRowBound_TooLargeNamingTheFile_AndNothingSaved()
    {
        var r = new HelpdeskReview();
        string survey = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv"); // 25,976 responses

        var error = Record.Exception(() => r.Bench.Steps.Assess(r.Lead, r.Id, new AnalysisRequest(), new StepReviewRequest { Feedback = survey, FeedbackMaxRows = 25_975 }));

        var problem = ProblemCatalog.Describe(Assert.IsAssignableFrom<Exception>(error));
        Assert.Equal(ProblemKind.TooLarge, problem.Kind);
        Assert.Contains("airline_passenger_satisfaction_kaggle_test.csv", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("25,975 rows", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(r.Bench.Workspace.List<StepAssessment>(r.Id));
    }
}
