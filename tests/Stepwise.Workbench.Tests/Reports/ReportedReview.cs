using Stepwise.Testing;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>
/// The demo's review of the help-desk log built through the layer, stage by stage, to the point where every pack has
/// something to say: steps assessed with the sample feedback, rates and the IT service-desk rules; a question put to
/// the team lead and answered (with her phone number and e-mail, which reports must redact); two options simulated;
/// criteria, scores, cost-benefit and risks; a recommendation signed by the sponsor; a plan carried out; KPIs measured.
/// </summary>
internal sealed class ReportedReview
{
    public const string Email = "tia.teamlead@example.com";
    public const string Phone = "020 7946 0958";

    /// <summary>An address written into a question, a rationale and a risk's mitigation: free text the reports must redact too.</summary>
    public const string OtherEmail = "wait.queue@example.org";
    public const decimal OneOff = 2000m, Savings = 5000m, Rate = 0.05m;

    private static readonly Lazy<ReportedReview> Shared = new(() => new ReportedReview());

    private ReportedReview()
    {
        R = new HelpdeskReview();
        var b = R.Bench;
        string samples = Path.Combine(SharedData.RepositoryRoot, "samples");
        b.Steps.Assess(R.Lead, R.Id, new AnalysisRequest(), new StepReviewRequest
        {
            Feedback = Path.Combine(samples, "helpdesk-feedback.csv"),
            CustomerAttribute = "customer",
            Rates = Path.Combine(samples, "helpdesk-rates.yaml"),
            Rules = "it-service-desk",
        });
        b.Reviews.MoveStage(R.Lead, R.Id, "challenge");
        var wait = b.Steps.Ask(R.Lead, R.Id, new NewQuestion { Step = "Wait", Text = $"Why do tickets sit in Wait for days? Replies go to {OtherEmail}.", AskedOf = ["Tia Teamlead"] });
        b.Steps.Answer(R.Tia, R.Id, new AnswerRequest { Question = wait.Value.Id.ToString("D"), Text = $"Nobody chases the customer, Sam Sponsor knows; call me on {Phone} or write to {Email}." });
        R.Evaluate();
        b.Evaluation.SetCriteria(R.Lead, R.Id, new CriteriaRequest { Criterion = ["Speed=0.6", "Cost=0.4"] });
        b.Evaluation.Score(R.Lead, R.Id, new ScoreRequest { Option = "No waiting step", Criterion = "Speed", Score = 5, Rationale = $"largest fall in resolution time (figures from {OtherEmail})" });
        b.Evaluation.Score(R.Lead, R.Id, new ScoreRequest { Option = "No waiting step", Criterion = "Cost", Score = 4, Rationale = "a rule change" });
        b.Evaluation.Score(R.Lead, R.Id, new ScoreRequest { Option = "Halve rework", Criterion = "Speed", Score = 3, Rationale = "smaller gain" });
        b.Evaluation.Score(R.Lead, R.Id, new ScoreRequest { Option = "Halve rework", Criterion = "Cost", Score = 3, Rationale = "training" });
        b.Evaluation.CostBenefit(R.Lead, R.Id, new CostBenefitRequest { Option = "No waiting step", OneOffCost = OneOff, YearlySavings = Savings, Years = 5, DiscountRate = Rate });
        b.Evaluation.CostBenefit(R.Lead, R.Id, new CostBenefitRequest { Option = "Halve rework", OneOffCost = 9000, YearlyCost = 1000, YearlySavings = 3500, Years = 5, DiscountRate = Rate });
        b.Evaluation.AddRisk(R.Lead, R.Id, new RiskRequest { Option = "No waiting step", Description = "Late replies find their ticket closed", Likelihood = 3, Impact = 3, Owner = "Tia Teamlead", Mitigation = $"Reopen on reply; tell {OtherEmail}" });
        b.Reviews.MoveStage(R.Lead, R.Id, "decide");
        b.Decisions.Recommend(R.Lead, R.Id, new RecommendationRequest { Title = "Stop parking tickets in Wait", Options = ["No waiting step"], Rationale = "The largest gain for a small one-off cost." });
        b.Reviews.SignOff(R.Sam, R.Id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        b.Plan.SaveTask(R.Lead, R.Id, new TaskRequest { Title = "Replace Wait with a reminder", Owner = "Tia Teamlead", Start = "2026-04-13", Due = "2026-04-24", Responsible = ["Tia Teamlead"], Accountable = "Sam Sponsor" });
        b.Plan.SaveTask(R.Lead, R.Id, new TaskRequest { Title = "Brief the support lines", Owner = "Sam Sponsor", Start = "2026-04-27", Due = "2026-04-30", DependsOn = ["Replace Wait with a reminder"], Informed = ["Tia Teamlead"] });
        b.Reviews.MoveStage(R.Lead, R.Id, "implement");
        b.Plan.UpdateStatus(R.Tia, R.Id, new TaskStatusRequest { Task = "Replace Wait with a reminder", Status = "done" });
        b.Monitoring.SaveKpi(R.Lead, R.Id, new KpiRequest { Name = "Median resolution time", Metric = "throughput_median_hours", Target = 850, BaselineFrom = "2012-01-01", BaselineTo = "2013-01-01" });
        b.Monitoring.Measure(R.Lead, R.Id, new MeasurementRequest { Kpi = "Median resolution time", From = "2013-01-01", To = "2013-07-01" });
    }

    /// <summary>The review (built once; tests that change it build their own).</summary>
    public static ReportedReview Instance => Shared.Value;

    /// <summary>A fresh review, for tests that record history.</summary>
    public static ReportedReview Fresh() => new();

    public HelpdeskReview R { get; }
}
