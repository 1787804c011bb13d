using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>What waits for a person on the plans: the tasks they own or are responsible or accountable for.</summary>
public sealed class AssignedTaskTests
{
    [Fact]
    public void AssignedTo_OwnedResponsibleAccountable_ListedOverdueFirst_DoneAndInformedLeftOut()
    {
        var r = new HelpdeskReview().Challenge();
        r.Evaluate();
        r.Bench.Evaluation.SetCriteria(r.Lead, r.Id, new CriteriaRequest { Criterion = ["Speed=1"] });
        r.Bench.Evaluation.Score(r.Lead, r.Id, new ScoreRequest { Option = "No waiting step", Criterion = "Speed", Score = 5, Rationale = "fastest" });
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "decide");
        r.Bench.Decisions.Recommend(r.Lead, r.Id, new RecommendationRequest { Title = "Stop parking tickets", Options = ["No waiting step"], Rationale = "Fastest", Evidence = ["Tia: tickets wait for replies"] });
        r.Bench.Reviews.SignOff(r.Sam, r.Id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        // The workbench's clock reads 2 March 2026.
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Change the Wait rule", Owner = "Tia Teamlead", Due = "2026-04-15", Accountable = "Sam Sponsor" });
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Write the reply template", Owner = "Sam Sponsor", Due = "2026-02-20", Responsible = ["Tia Teamlead"] });
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Brief the agents", Owner = "Sam Sponsor", Due = "2026-04-30", Informed = ["Tia Teamlead"] });
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Agree the budget", Owner = "Tia Teamlead", Due = "2026-03-01" });
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "implement");
        r.Bench.Plan.UpdateStatus(r.Tia, r.Id, new TaskStatusRequest { Task = "Agree the budget", Status = "done" });

        var tia = r.Bench.Plan.AssignedTo(r.Tia);
        var sam = r.Bench.Plan.AssignedTo(r.Sam);

        Assert.Equal(["Write the reply template", "Change the Wait rule"], tia.Select(t => t.Task.Title));
        Assert.Equal([true, false], tia.Select(t => t.Overdue));
        Assert.Equal([false, true], tia.Select(t => t.Owns));
        Assert.All(tia, t => Assert.Equal(("Tia Teamlead", "Help desk tickets", r.Id), (t.As, t.ReviewTitle, t.ReviewId)));
        Assert.Equal(["Write the reply template", "Change the Wait rule", "Brief the agents"], sam.Select(t => t.Task.Title));
        Assert.Empty(r.Bench.Plan.AssignedTo(r.Lead));
    }
}
