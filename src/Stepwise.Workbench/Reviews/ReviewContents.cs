using Stepwise.Review.Artefacts;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Steps;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;

namespace Stepwise.Workbench.Reviews;

/// <summary>
/// Everything a process review holds, with people and artefacts named: the review and its scope (as signed, in
/// words), stakeholders and members, data with provenance, steps with their assessments, questions with answers,
/// options with their changes and simulations, the evaluation, recommendations, the plan, the communication log, the
/// monitoring plan, and every sign-off with who entered it.
/// </summary>
public sealed record ReviewContents
{
    /// <summary>The review as listed.</summary>
    public required ReviewSummary Review { get; init; }

    /// <summary>Its aims.</summary>
    public IReadOnlyList<string> Aims { get; init; } = [];

    /// <summary>The scope, or null when none is written.</summary>
    public Versioned<Scope>? Scope { get; init; }

    /// <summary>The scope in words, as signed.</summary>
    public IReadOnlyList<string> ScopeText { get; init; } = [];

    /// <summary>Whether the scope's current version is agreed.</summary>
    public required Agreement ScopeAgreement { get; init; }

    /// <summary>The stakeholders, with the account each is bound to.</summary>
    public IReadOnlyList<StakeholderLine> Stakeholders { get; init; } = [];

    /// <summary>The members and their roles.</summary>
    public IReadOnlyList<MemberSummary> Members { get; init; } = [];

    /// <summary>The data sources with their provenance.</summary>
    public IReadOnlyList<DataSourceSummary> DataSources { get; init; } = [];

    /// <summary>The steps with their assessments.</summary>
    public IReadOnlyList<StepLine> Steps { get; init; } = [];

    /// <summary>The questions with their answers.</summary>
    public IReadOnlyList<QuestionLine> Questions { get; init; } = [];

    /// <summary>The options with their changes and simulations.</summary>
    public IReadOnlyList<OptionLine> Options { get; init; } = [];

    /// <summary>The decision matrix.</summary>
    public required DecisionMatrix Matrix { get; init; }

    /// <summary>The cost-benefit cases.</summary>
    public IReadOnlyList<CostBenefitLine> CostBenefits { get; init; } = [];

    /// <summary>The risks.</summary>
    public IReadOnlyList<RiskLine> Risks { get; init; } = [];

    /// <summary>The recommendations.</summary>
    public IReadOnlyList<RecommendationSummary> Recommendations { get; init; } = [];

    /// <summary>The implementation plan, or null.</summary>
    public Versioned<ImplementationPlan>? Plan { get; init; }

    /// <summary>Whether the plan's current version is agreed.</summary>
    public required Agreement PlanAgreement { get; init; }

    /// <summary>The plan's tasks with names.</summary>
    public IReadOnlyList<TaskLine> Tasks { get; init; } = [];

    /// <summary>The communication log.</summary>
    public IReadOnlyList<CommunicationLine> Communications { get; init; } = [];

    /// <summary>The monitoring plan, or null.</summary>
    public Versioned<MonitoringPlan>? Monitoring { get; init; }

    /// <summary>The latest monitoring of the change (KPIs before and after with their verdicts, mix, conformance,
    /// forecasts), or null when it has not been monitored; earlier runs are its earlier versions.</summary>
    public Versioned<MonitoringRun>? MonitoringRun { get; init; }

    /// <summary>Every sign-off, stale ones marked.</summary>
    public IReadOnlyList<SignOffState> SignOffs { get; init; } = [];

    /// <summary>The next stage, or null when the review is closed.</summary>
    public Stage? NextStage { get; init; }

    /// <summary>Why the review cannot move to the next stage yet, or null when it can.</summary>
    public string? NextStageRefusal { get; init; }
}

/// <summary>A stakeholder with the account they sign and answer as.</summary>
/// <param name="Stakeholder">The stakeholder.</param>
/// <param name="Account">The bound account's user name, or null.</param>
public sealed record StakeholderLine(Versioned<Stakeholder> Stakeholder, string? Account);

/// <summary>A step with its assessments.</summary>
/// <param name="Step">The step.</param>
/// <param name="Assessments">Its assessments (satisfaction, cost, compliance).</param>
public sealed record StepLine(Versioned<Step> Step, IReadOnlyList<StepAssessment> Assessments);

/// <summary>A question with its step, whom it is put to, and its answers by name.</summary>
/// <param name="Question">The question.</param>
/// <param name="Step">The step's name.</param>
/// <param name="AskedOf">The stakeholders it is put to (empty: anyone).</param>
/// <param name="Answers">The answers.</param>
public sealed record QuestionLine(Versioned<ChallengeQuestion> Question, string Step, IReadOnlyList<string> AskedOf, IReadOnlyList<AnswerLine> Answers);

/// <summary>An answer by name.</summary>
/// <param name="Stakeholder">Whose answer.</param>
/// <param name="Text">The answer.</param>
/// <param name="At">When.</param>
/// <param name="EnteredBy">Who entered it.</param>
/// <param name="OnBehalf">Whether it was entered on the stakeholder's behalf.</param>
public sealed record AnswerLine(string Stakeholder, string Text, DateTimeOffset At, string? EnteredBy, bool OnBehalf);

/// <summary>An option with its changes in words and what it addresses.</summary>
/// <param name="Option">The option (its simulation included).</param>
/// <param name="Changes">Each change in words.</param>
/// <param name="Steps">The steps it changes.</param>
/// <param name="Questions">The questions it answers (clipped).</param>
public sealed record OptionLine(Versioned<ImprovementOption> Option, IReadOnlyList<string> Changes, IReadOnlyList<string> Steps, IReadOnlyList<string> Questions);

/// <summary>A cost-benefit case with its option's title.</summary>
/// <param name="Option">The option's title.</param>
/// <param name="Case">The case.</param>
public sealed record CostBenefitLine(string Option, CostBenefit Case);

/// <summary>A risk with its option's title.</summary>
/// <param name="Option">The option's title, or null for the review as a whole.</param>
/// <param name="Risk">The risk.</param>
public sealed record RiskLine(string? Option, Risk Risk);

/// <summary>A plan task with names.</summary>
/// <param name="Task">The task.</param>
/// <param name="Recommendation">The recommendation it carries out, by title.</param>
/// <param name="DependsOn">The tasks it waits for, by title.</param>
/// <param name="Raci">Each stakeholder's part, e.g. "A: Sam Sponsor".</param>
public sealed record TaskLine(PlanTask Task, string? Recommendation, IReadOnlyList<string> DependsOn, IReadOnlyList<string> Raci);

/// <summary>An entry of the communication log with names.</summary>
/// <param name="Communication">The entry.</param>
/// <param name="Audience">Who was told.</param>
/// <param name="About">The artefact shared, by name.</param>
public sealed record CommunicationLine(Versioned<Communication> Communication, IReadOnlyList<string> Audience, string? About);
