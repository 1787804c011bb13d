namespace Stepwise.Review.Artefacts;

/// <summary>The kinds of versioned artefact a review holds. Each kind is one C# type of this project.</summary>
public enum ArtefactKind
{
    /// <summary>The review itself: title, aims, owner and stage.</summary>
    Review,

    /// <summary>The agreed process boundaries and the parameters for change.</summary>
    Scope,

    /// <summary>A person with a stake in the review.</summary>
    Stakeholder,

    /// <summary>An entry of the communication log.</summary>
    Communication,

    /// <summary>A step of the process.</summary>
    Step,

    /// <summary>An assessment of a step (satisfaction, cost or compliance) with its evidence.</summary>
    StepAssessment,

    /// <summary>A question challenging a step, with its answers.</summary>
    ChallengeQuestion,

    /// <summary>A candidate change to the process.</summary>
    ImprovementOption,

    /// <summary>The evaluation of the options: decision matrix, cost-benefit, risks.</summary>
    Evaluation,

    /// <summary>A recommendation put up for sign-off.</summary>
    Recommendation,

    /// <summary>The implementation plan.</summary>
    ImplementationPlan,

    /// <summary>KPI definitions, baselines, targets and measurements.</summary>
    MonitoringPlan,

    /// <summary>A quality review of the service.</summary>
    QualityReview,

    /// <summary>An imported data file (immutable; named in history only).</summary>
    DataSource,

    /// <summary>A user account's role in a review (<see cref="Access.ReviewMember"/>).</summary>
    Member,

    /// <summary>A user account of the workspace (named in conflicts on accounts).</summary>
    UserAccount,

    /// <summary>A sample drawn for a quality review, with its checks against the population.</summary>
    QualitySample,

    /// <summary>The analysis of a feedback file: results against targets, drivers, themes.</summary>
    QualityAnalysis,

    /// <summary>A finding of a quality review.</summary>
    QualityFinding,

    /// <summary>An action agreed in a quality review.</summary>
    QualityAction,

    /// <summary>Results given to an audience in a quality review.</summary>
    AudienceBriefing,

    /// <summary>The latest monitoring of the change: KPIs before and after with verdicts, mix, control charts,
    /// conformance and forecasts (every run a new version).</summary>
    MonitoringRun,
}
