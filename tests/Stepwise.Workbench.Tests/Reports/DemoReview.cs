using Stepwise.Testing;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The help-desk review as demo.sh builds it, through the layer: the three options of samples/helpdesk-options.yaml
/// simulated, three weighted criteria, three cost-benefit cases (one with its savings from the simulated service level),
/// three risks with the demo's wording, a signed recommendation, three tasks done, three KPIs measured, and the change
/// monitored on the log split at 1 June 2012 with 14 days to settle in. It holds as much as a real board paper must
/// carry, so the senior managers' pack is tested at its full size.
/// </summary>
internal sealed class DemoReview
{
    public static readonly DateTimeOffset ChangeDate = new(2012, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan SettlingIn = TimeSpan.FromDays(14);

    private static readonly Lazy<DemoReview> Shared = new(() => new DemoReview());

    private DemoReview()
    {
        R = new HelpdeskReview();
        var b = R.Bench;
        var (lead, id) = (R.Lead, R.Id);
        string samples = Path.Combine(SharedData.RepositoryRoot, "samples");
        b.Steps.Assess(lead, id, new AnalysisRequest(), new StepReviewRequest
        {
            Feedback = Path.Combine(samples, "helpdesk-feedback.csv"),
            CustomerAttribute = "customer",
            Rates = Path.Combine(samples, "helpdesk-rates.yaml"),
            Rules = "it-service-desk",
        });
        b.Reviews.MoveStage(lead, id, "challenge");
        var wait = b.Steps.Ask(lead, id, new NewQuestion { Step = "Wait", Text = "Why do tickets sit in Wait for weeks?", AskedOf = ["Tia Teamlead"] });
        b.Steps.Answer(R.Tia, id, new AnswerRequest { Question = wait.Value.Id.ToString("D"), Text = "Tickets sit in Wait until the customer replies; nobody chases them, so they are closed weeks later." });

        b.Options.ImportScenarios(lead, id, Path.Combine(samples, "helpdesk-options.yaml"));
        b.Options.Simulate(lead, id, new SimulateOptionsRequest { Simulation = new WhatIfRequest { Replications = 5, Seed = 7, Horizon = "120d" } });
        b.Reviews.MoveStage(lead, id, "evaluate");
        b.Evaluation.SetCriteria(lead, id, new CriteriaRequest { Criterion = ["Speed=0.4", "Cost=0.3", "Customer effort=0.3"] });
        void Score(string option, string criterion, int score, string rationale)
            => b.Evaluation.Score(lead, id, new ScoreRequest { Option = option, Criterion = criterion, Score = score, Rationale = rationale });
        Score("no waiting step", "Speed", 5, "the largest and a significant fall in median resolution time in the simulation");
        Score("no waiting step", "Cost", 4, "a rule change in the ticketing tool; no new software");
        Score("no waiting step", "Customer effort", 3, "customers must reply within 7 days or the ticket closes");
        Score("halve rework", "Speed", 3, "faster, but the simulated gain is smaller and less certain");
        Score("halve rework", "Cost", 3, "a diagnosis checklist and two days of training per agent");
        Score("halve rework", "Customer effort", 5, "fewer tickets come back to the customer");
        Score("automate triage", "Speed", 2, "triage is minutes of a weeks-long case; little effect on resolution time");
        Score("automate triage", "Cost", 2, "needs a rules engine and integration work");
        Score("automate triage", "Customer effort", 3, "no change the customer sees");
        b.Evaluation.CostBenefit(lead, id, new CostBenefitRequest { Option = "no waiting step", OneOffCost = 2000, SavingsKpi = "within_service_level", SavingsPerUnit = 58500, Years = 5, DiscountRate = 0.05m });
        b.Evaluation.CostBenefit(lead, id, new CostBenefitRequest { Option = "halve rework", OneOffCost = 9000, YearlyCost = 1000, YearlySavings = 3500, Years = 5, DiscountRate = 0.05m });
        b.Evaluation.CostBenefit(lead, id, new CostBenefitRequest { Option = "automate triage", OneOffCost = 18000, YearlyCost = 2500, YearlySavings = 5200, Years = 5, DiscountRate = 0.05m });
        b.Evaluation.AddRisk(lead, id, new RiskRequest { Option = "no waiting step", Description = "Customers who reply late find their ticket closed", Likelihood = 3, Impact = 3, Owner = "Tia Teamlead", Mitigation = "Reopen on reply within 30 days; warn at day 5" });
        b.Evaluation.AddRisk(lead, id, new RiskRequest { Option = "halve rework", Description = "Agents skip the checklist under pressure", Likelihood = 4, Impact = 2, Owner = "Tia Teamlead", Mitigation = "Checklist built into the resolve form" });
        b.Evaluation.AddRisk(lead, id, new RiskRequest { Description = "Ticket volume rises during the change", Likelihood = 2, Impact = 3, Owner = "Sam Sponsor", Mitigation = "Go live outside the year-end peak" });

        b.Reviews.MoveStage(lead, id, "decide");
        b.Decisions.Recommend(lead, id, new RecommendationRequest
        {
            Title = "Stop parking tickets in Wait",
            Options = ["no waiting step"],
            Rationale = "The largest and surest gain in resolution time for a small one-off cost, within the budget and the allowed changes.",
            Evidence = ["Tia Teamlead: tickets sit in Wait until the customer replies and nobody chases them."],
        });
        b.Reviews.SignOff(R.Sam, id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        b.Plan.SaveTask(lead, id, new TaskRequest { Title = "Agree the 7-day reply rule with customer representatives", Owner = "Sam Sponsor", Start = "2026-04-01", Due = "2026-04-10", Accountable = "Sam Sponsor", Consulted = ["Tia Teamlead"] });
        b.Plan.SaveTask(lead, id, new TaskRequest { Title = "Replace Wait with a reminder and auto-close in the ticketing tool", Owner = "Tia Teamlead", Start = "2026-04-13", Due = "2026-04-24", DependsOn = ["Agree the 7-day reply rule with customer representatives"], Responsible = ["Tia Teamlead"], Accountable = "Sam Sponsor" });
        b.Plan.SaveTask(lead, id, new TaskRequest { Title = "Brief all three support lines", Owner = "Tia Teamlead", Start = "2026-04-27", Due = "2026-04-30", DependsOn = ["Replace Wait with a reminder and auto-close in the ticketing tool"], Responsible = ["Tia Teamlead"], Informed = ["Sam Sponsor"] });
        b.Reviews.SignOff(R.Sam, id, new SignOffRequest { Artefact = "plan", Decision = "approve" });
        b.Reviews.MoveStage(lead, id, "implement");
        b.Plan.UpdateStatus(R.Sam, id, new TaskStatusRequest { Task = "Agree the 7-day reply rule with customer representatives", Status = "done" });
        b.Plan.UpdateStatus(R.Tia, id, new TaskStatusRequest { Task = "Replace Wait with a reminder and auto-close in the ticketing tool", Status = "done" });
        b.Plan.UpdateStatus(R.Tia, id, new TaskStatusRequest { Task = "Brief all three support lines", Status = "done" });
        b.Reviews.MoveStage(lead, id, "monitor");

        b.Monitoring.SaveKpi(lead, id, new KpiRequest { Name = "Median resolution time", Metric = "throughput_median_hours", Target = 850, Frequency = "monthly", Owner = "Sam Sponsor", BaselineFrom = "2012-01-01", BaselineTo = "2013-01-01" });
        b.Monitoring.SaveKpi(lead, id, new KpiRequest { Name = "Tickets reworked", Metric = "rework_share", Target = 0.2, Frequency = "monthly", Owner = "Tia Teamlead", BaselineFrom = "2012-01-01", BaselineTo = "2013-01-01" });
        b.Monitoring.SaveKpi(lead, id, new KpiRequest { Name = "Customer satisfaction", Definition = "mean overall score of the post-ticket survey (0-10)", Unit = "score", Direction = "higher", Target = 7, Frequency = "quarterly", Owner = "Sam Sponsor", Baseline = 6.65, BaselineSource = "samples/helpdesk-feedback.csv (synthetic), all responses" });
        b.Monitoring.Measure(lead, id, new MeasurementRequest { Kpi = "Median resolution time", From = "2013-01-01", To = "2013-07-01" });
        b.Monitoring.Measure(lead, id, new MeasurementRequest { Kpi = "Tickets reworked", From = "2013-01-01", To = "2013-07-01" });
        b.Monitoring.Measure(lead, id, new MeasurementRequest { Kpi = "Customer satisfaction", Value = 6.9, To = "2013-07-01", Source = "post-ticket survey, first half of 2013 (an illustrative figure)" });
        Run = b.Monitoring.Monitor(lead, id, new ChangeMonitoringRequest
        {
            ChangeDate = "2012-06-01",
            SettlingIn = "14d",
            WaitingSteps = 3,
            MixBy = "service_type",
            Rates = Path.Combine(samples, "helpdesk-rates.yaml"),
        }).Run.Value;
    }

    /// <summary>The review (built once).</summary>
    public static DemoReview Instance => Shared.Value;

    public HelpdeskReview R { get; }

    /// <summary>The monitoring run stored in the review.</summary>
    public Review.Monitoring.MonitoringRun Run { get; }
}
