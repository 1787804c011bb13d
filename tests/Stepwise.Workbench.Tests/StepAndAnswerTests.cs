using Stepwise.Review.Steps;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests;

/// <summary>Step assessments saved in a review, and answers by the people asked (or recorded on their behalf).</summary>
public sealed class StepAndAnswerTests
{
    [Fact]
    public void Assess_Helpdesk_SavesEveryStepWithTheDataHashAndRerunsUpdateNotCopy()
    {
        var r = new HelpdeskReview();
        var first = r.Bench.Steps.Assess(r.Lead, r.Id, new AnalysisRequest(), new StepReviewRequest { Rules = "it-service-desk" });
        Assert.Equal(14, first.Saved.StepsCreated);
        Assert.True(first.Saved.Questions > 0);
        Assert.All(r.Bench.Steps.Assessments(r.Lead, r.Id), a => Assert.Equal(r.Source.ContentHash, a.Value.DataHash));
        var again = r.Bench.Steps.Assess(r.Lead, r.Id, new AnalysisRequest(), new StepReviewRequest { Rules = "it-service-desk" });
        Assert.Equal((0, 0), (again.Saved.StepsCreated, again.Saved.Questions));
        Assert.Equal(14, r.Bench.Steps.List(r.Lead, r.Id).Count);
        Assert.Equal("filters", Assert.Throws<StepwiseException>(() => r.Bench.Steps.Assess(r.Lead, r.Id, new AnalysisRequest { Filters = new Logs.LogFilterRequest { Contains = ["Wait"] } }, new StepReviewRequest())).Errors[0].Field);
    }

    [Fact]
    public void Answer_ByTheStakeholderAsked_TheirOwnNotOnBehalf()
    {
        var r = new HelpdeskReview().Challenge();
        var question = r.Bench.Steps.Ask(r.Lead, r.Id, new NewQuestion { Step = "Wait", Text = "What are tickets waiting for?", AskedOf = ["Tia Teamlead"] });

        var answered = r.Bench.Steps.Answer(r.Tia, r.Id, new AnswerRequest { Question = question.Value.Id.ToString("D")[..8], Text = "For the customer to reply." });

        var answer = Assert.Single(answered.Value.Answers);
        Assert.Equal(("For the customer to reply.", "Tia Teamlead", false), (answer.Text, answer.EnteredBy, answer.OnBehalf));
        Assert.Equal(r.Bench.Reviews.FindStakeholder(r.Lead, r.Id, "Tia Teamlead").Value.Id, answer.StakeholderId);
    }

    [Fact]
    public void Answer_ToAQuestionPutToSomeoneElse_Forbidden()
    {
        var r = new HelpdeskReview().Challenge();
        var question = r.Bench.Steps.Ask(r.Lead, r.Id, new NewQuestion { Step = "Wait", Text = "Why park tickets?", AskedOf = ["Sam Sponsor"] });
        var ex = Assert.Throws<StepwiseException>(() => r.Bench.Steps.Answer(r.Tia, r.Id, new AnswerRequest { Question = question.Value.Id.ToString("D"), Text = "No idea" }));
        Assert.Equal(ProblemKind.Forbidden, ex.Kind);
        Assert.Contains("put to Sam Sponsor", ex.Message);

        // Put to her as well, she may answer.
        r.Bench.Steps.PutTo(r.Lead, r.Id, new PutQuestionRequest { Question = question.Value.Id.ToString("D"), AskedOf = ["Sam Sponsor", "Tia Teamlead"] });
        Assert.Single(r.Bench.Steps.Answer(r.Tia, r.Id, new AnswerRequest { Question = question.Value.Id.ToString("D"), Text = "Shift ends" }).Value.Answers);
    }

    [Fact]
    public void Answer_OnSomeonesBehalf_ByAnAnalystMarkedSo_ByAContributorForbidden()
    {
        var r = new HelpdeskReview().Challenge();
        var question = r.Bench.Steps.Questions(r.Lead, r.Id)[0];
        string id = question.Value.Id.ToString("D");

        var recorded = r.Bench.Steps.Answer(r.Lead, r.Id, new AnswerRequest { Question = id, Text = "Said in the workshop.", Stakeholder = "Sam Sponsor" });
        var answer = Assert.Single(recorded.Value.Answers);
        Assert.True(answer.OnBehalf);
        Assert.Equal("Lena Lead", answer.EnteredBy);

        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => r.Bench.Steps.Answer(r.Tia, r.Id, new AnswerRequest { Question = id, Text = "x", Stakeholder = "Sam Sponsor" })).Kind);
        var stale = Assert.Throws<Review.Storage.ConcurrencyConflictException>(() => r.Bench.Steps.Answer(r.Tia, r.Id, new AnswerRequest { Question = id, Text = "late", Version = question.Version }));
        Assert.Equal(ProblemKind.Conflict, ProblemCatalog.Classify(stale));
    }

    [Fact]
    public void Step_ManualStepAndValueClass_SavedAndQuestionsOnIt()
    {
        var r = new HelpdeskReview().Challenge();
        var step = r.Bench.Steps.Save(r.Lead, r.Id, new StepRequest { Name = "Call the customer back", Lane = "Front office", Value = "va" });
        Assert.Equal((StepOrigin.Manual, ValueClass.ValueAdding), (step.Value.Origin, step.Value.Value));
        var changed = r.Bench.Steps.Save(r.Lead, r.Id, new StepRequest { Name = "Wait", Value = "nva", Owner = "Tia Teamlead" });
        Assert.Equal(("Tia Teamlead", ValueClass.NonValueAdding), (changed.Value.Owner, changed.Value.Value));
        Assert.Equal("value", Assert.Throws<StepwiseException>(() => r.Bench.Steps.Save(r.Lead, r.Id, new StepRequest { Name = "Wait", Value = "golden" })).Errors[0].Field);
        Assert.Equal(ProblemKind.NotFound, Assert.Throws<StepwiseException>(() => r.Bench.Steps.Ask(r.Lead, r.Id, new NewQuestion { Step = "Teleport", Text = "?" })).Kind);
    }
}
