using Stepwise.Mining.Discovery;
using Stepwise.Mining.Filtering;
using Stepwise.Mining.IO;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Planning;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Tests;

/// <summary>Recommendations signed by the sponsor's own account, the plan and its progress, monitoring, and the history.</summary>
public sealed class DecideImplementMonitorTests
{
    private static HelpdeskReview Decided()
    {
        var r = new HelpdeskReview().Challenge();
        r.Evaluate();
        r.Bench.Evaluation.SetCriteria(r.Lead, r.Id, new CriteriaRequest { Criterion = ["Speed=1"] });
        r.Bench.Evaluation.Score(r.Lead, r.Id, new ScoreRequest { Option = "No waiting step", Criterion = "Speed", Score = 5, Rationale = "fastest" });
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "decide");
        r.Bench.Decisions.Recommend(r.Lead, r.Id, new RecommendationRequest { Title = "Stop parking tickets", Options = ["No waiting step"], Rationale = "Fastest", Evidence = ["Tia: tickets wait for replies"] });
        return r;
    }

    [Fact]
    public void Recommend_GathersEvidenceWithDataHashes_SignedBySponsorAsThemselves()
    {
        var r = Decided();
        var recommendation = Assert.Single(r.Bench.Decisions.List(r.Lead, r.Id));
        var evidence = recommendation.Recommendation.Value.Evidence;
        Assert.Contains(evidence, e => e.Source == "stated by Lena Lead");
        Assert.Contains(evidence, e => e.DataHash == r.Source.ContentHash && e.Summary.Contains("simulated against the as-is", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Source == "decision matrix" && e.Summary.Contains("ranks 1 of 1", StringComparison.Ordinal));
        Assert.False(recommendation.Agreement.IsAgreed);
        var refused = Assert.Throws<Review.Common.ReviewRuleException>(() => r.Bench.Reviews.MoveStage(r.Lead, r.Id, "implement"));
        Assert.Equal(ProblemKind.RuleBroken, ProblemCatalog.Classify(refused));

        var signed = r.Bench.Reviews.SignOff(r.Sam, r.Id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        Assert.False(signed.SignOff.OnBehalf);
        Assert.Equal("Sam Sponsor", signed.SignOff.EnteredBy);
        Assert.True(r.Bench.Decisions.List(r.Lead, r.Id).Single().Agreement.IsAgreed);
    }

    [Fact]
    public void Plan_TaskOwnerUpdatesOwnTaskFromImplement_OthersMayNot()
    {
        var r = Decided();
        r.Bench.Reviews.SignOff(r.Sam, r.Id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Change the Wait rule", Owner = "Tia Teamlead", Start = "2026-04-01", Due = "2026-04-15", Responsible = ["Tia Teamlead"], Accountable = "Sam Sponsor" });
        var plan = r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Brief the agents", Owner = "Sam Sponsor", Due = "2026-04-30", DependsOn = ["Change the Wait rule"], Informed = ["Tia Teamlead"] });
        var brief = plan.Value.Tasks[1];
        Assert.Equal([plan.Value.Tasks[0].Id], brief.DependsOn);
        Assert.Equal(r.Bench.Decisions.List(r.Lead, r.Id).Single().Recommendation.Value.Id, brief.RecommendationId);
        Assert.Equal("start", Assert.Throws<StepwiseException>(() => r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "x", Owner = "Tia Teamlead", Start = "2026-05-02", Due = "2026-05-01" })).Errors[0].Field);

        Assert.Contains("before the review moves to stage Implement", Assert.Throws<Review.Common.ReviewRuleException>(() => r.Bench.Plan.UpdateStatus(r.Tia, r.Id, new TaskStatusRequest { Task = "Change the Wait rule", Status = "in-progress" })).Message);
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "implement");
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => r.Bench.Plan.UpdateStatus(r.Tia, r.Id, new TaskStatusRequest { Task = "Brief the agents", Status = "done" })).Kind);
        Assert.Contains("cannot be done before task 'Change the Wait rule'", Assert.Throws<Review.Common.ReviewRuleException>(() => r.Bench.Plan.UpdateStatus(r.Sam, r.Id, new TaskStatusRequest { Task = "Brief the agents", Status = "done" })).Message);
        r.Bench.Plan.UpdateStatus(r.Tia, r.Id, new TaskStatusRequest { Task = "Change the Wait rule", Status = "done" });
        Assert.Contains("implemented", Assert.Throws<Review.Common.ReviewRuleException>(() => r.Bench.Reviews.MoveStage(r.Lead, r.Id, "monitor")).Message);
        r.Bench.Plan.UpdateStatus(r.Sam, r.Id, new TaskStatusRequest { Task = "Brief the agents", Status = "done", Note = "All three shifts" });
        Assert.Equal("Monitor", r.Bench.Reviews.MoveStage(r.Lead, r.Id, "monitor").Stage.ToString());
        Assert.All(r.Bench.Plan.Get(r.Lead, r.Id)!.Value.Tasks, t => Assert.Equal(PlanTaskStatus.Done, t.Status));
    }

    [Fact]
    public void Monitoring_BaselineAndMeasurementFromData_MatchAnIndependentMedianAndAreJudged()
    {
        var r = new HelpdeskReview();
        var kpi = r.Bench.Monitoring.SaveKpi(r.Lead, r.Id, new KpiRequest { Name = "Median resolution time", Metric = "throughput_median_hours", Target = 850, BaselineFrom = "2012-01-01", BaselineTo = "2013-01-01" });
        var measured = r.Bench.Monitoring.Measure(r.Lead, r.Id, new MeasurementRequest { Kpi = "Median resolution time", From = "2013-01-01", To = "2013-07-01" });

        Assert.Equal(Median(2012, 2013), kpi.Baseline!.Value, 9);
        Assert.Equal(Median(2013, 2013.5), measured.Value, 9);
        Assert.Equal(r.Source.ContentHash, measured.DataHash);
        var expected = measured.Value <= 850 ? MeasurementVerdict.TargetMet : measured.Value < kpi.Baseline.Value ? MeasurementVerdict.Improved : MeasurementVerdict.NotImproved;
        Assert.Equal(expected, measured.Verdict);

        var entered = r.Bench.Monitoring.Measure(r.Lead, r.Id, new MeasurementRequest { Kpi = "Median resolution time", Value = 800, Source = "weekly report", To = "2013-08-01" });
        Assert.Equal((MeasurementVerdict.TargetMet, (Review.Common.ContentHash?)null), (entered.Verdict, entered.DataHash));
        Assert.Equal("source", Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.Measure(r.Lead, r.Id, new MeasurementRequest { Kpi = "Median resolution time", Value = 1 })).Errors[0].Field);
        Assert.Equal("metric", Assert.Throws<StepwiseException>(() => r.Bench.Monitoring.SaveKpi(r.Lead, r.Id, new KpiRequest { Name = "x", Metric = "happiness" })).Errors[0].Field);
        Assert.Equal(2, r.Bench.Monitoring.Get(r.Sam, r.Id)!.Value.Kpis[0].Measurements.Count);

        // The median of throughput hours of the cases in scope (ending with Closed) starting in the period, from the file.
        static double Median(double fromYear, double toYear)
        {
            var log = EventLogFile.Read(HelpdeskReview.Log).Log;
            var from = new DateTimeOffset((int)fromYear, fromYear % 1 == 0 ? 1 : 7, 1, 0, 0, 0, TimeSpan.Zero);
            var to = new DateTimeOffset((int)toYear, toYear % 1 == 0 ? 1 : 7, 1, 0, 0, 0, TimeSpan.Zero);
            var hours = new List<double>();
            for (int c = 0; c < log.CaseCount; c++)
            {
                var start = Mining.Time.Timestamp.ToDateTime(log.CaseStartTime(c));
                if (log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] == "Closed" && start >= from && start < to)
                {
                    hours.Add((log.CaseEndTime(c) - log.CaseStartTime(c)) / (double)TimeSpan.TicksPerHour);
                }
            }

            hours.Sort();
            int n = hours.Count;
            return n % 2 == 1 ? hours[n / 2] : (hours[(n / 2) - 1] + hours[n / 2]) / 2;
        }
    }

    [Fact]
    public void Communicate_ToStakeholdersAboutTheScope_LoggedWithNames()
    {
        var r = new HelpdeskReview();
        r.Bench.Reviews.Communicate(r.Lead, r.Id, new CommunicationRequest { To = ["all"], Message = "Scope agreed", Channel = "e-mail", About = "scope", At = "2026-03-02T10:00:00Z" });
        var line = Assert.Single(r.Bench.Reviews.Show(r.Lead, r.Id).Communications);
        Assert.Equal(["Sam Sponsor", "Tia Teamlead"], line.Audience);
        Assert.Equal("the scope", line.About);
        Assert.Equal(ProblemKind.InvalidValue, Assert.Throws<StepwiseException>(() => r.Bench.Reviews.Communicate(r.Lead, r.Id, new CommunicationRequest { To = ["all"], Message = "x", Channel = "x", About = "gossip" })).Kind);
        Assert.Equal(ProblemKind.Forbidden, Assert.Throws<StepwiseException>(() => r.Bench.Reviews.Communicate(r.Tia, r.Id, new CommunicationRequest { To = ["all"], Message = "x", Channel = "x" })).Kind);
    }

    [Fact]
    public void HistoryLines_NameArtefactsAndPeople_WithOldAndNewValues()
    {
        var r = Decided();
        r.Bench.Reviews.SignOff(r.Sam, r.Id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        r.Bench.Plan.SaveTask(r.Lead, r.Id, new TaskRequest { Title = "Change the Wait rule", Owner = "Tia Teamlead", Due = "2026-04-15" });
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "implement");
        r.Bench.Plan.UpdateStatus(r.Tia, r.Id, new TaskStatusRequest { Task = "Change the Wait rule", Status = "in-progress" });
        // From Evaluate on the scope holds still; the lead moves the review back, with the reason, to change it.
        var refused = Assert.Throws<Stepwise.Review.Common.ReviewRuleException>(() => r.Bench.Reviews.SaveScope(r.Lead, r.Id, new ScopeRequest { Budget = 30_000m }));
        Assert.Contains("Move the review back to stage Scope", refused.Message, StringComparison.Ordinal);
        r.Bench.Reviews.MoveStage(r.Lead, r.Id, "scope", reason: "The sponsor raised the budget");
        r.Bench.Reviews.SaveScope(r.Lead, r.Id, new ScopeRequest { Budget = 30_000m });

        var lines = r.Bench.Reviews.HistoryLines(r.Sam, r.Id);
        Assert.Contains(lines, l => l.Summary.EndsWith("from stage Implement to Scope: The sponsor raised the budget", StringComparison.Ordinal));
        var progress = lines.Last(l => l.Artefact == "the implementation plan");
        Assert.Equal("Tia Teamlead", progress.By);
        var status = Assert.Single(progress.Changes);
        Assert.Equal(("tasks[task 'Change the Wait rule'].status", "not_started", "in_progress"), (status.Field, status.Before, status.After));
        var budget = lines.Last(l => l.Artefact == "the scope").Changes.Single();
        Assert.Equal(("change.budget_cap", "25000", "30000"), (budget.Field, budget.Before, budget.After));
        Assert.Contains(lines, l => l.Artefact == "option 'No waiting step'" && l.Summary.StartsWith("Created option 'No waiting step'", StringComparison.Ordinal));
        var asked = lines.First(l => l.Artefact == "stakeholder Tia Teamlead");
        Assert.Contains(asked.Changes, c => c.Field == "name" && c.Before is null && c.After == "Tia Teamlead");
        Assert.DoesNotContain(lines.SelectMany(l => l.Changes), c => (c.After ?? string.Empty).Contains(r.Source.Id.ToString("D"), StringComparison.Ordinal));
    }
}
