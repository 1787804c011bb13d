using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.People;
using Stepwise.Review.Quality;
using Stepwise.Review.SignOffs;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Workbench.Quality;

/// <summary>Everything a quality review holds, in one read, with artefacts named.</summary>
public sealed record QualityContents
{
    /// <summary>The review as listed.</summary>
    public required ReviewSummary Review { get; init; }

    /// <summary>The review itself: features, measurement plan, revisions.</summary>
    public required Versioned<QualityReview> Plan { get; init; }

    /// <summary>Whether the current measurement plan is agreed.</summary>
    public required Agreement PlanAgreement { get; init; }

    /// <summary>The stakeholders (who sign the plan and actions).</summary>
    public required IReadOnlyList<Versioned<Stakeholder>> Stakeholders { get; init; }

    /// <summary>The members and their roles.</summary>
    public required IReadOnlyList<MemberSummary> Members { get; init; }

    /// <summary>Feedback files imported, with their SHA-256 and read options.</summary>
    public required IReadOnlyList<DataSource> DataSources { get; init; }

    /// <summary>Samples drawn, with their checks.</summary>
    public required IReadOnlyList<Versioned<QualitySample>> Samples { get; init; }

    /// <summary>Analyses: results against targets, drivers, themes.</summary>
    public required IReadOnlyList<Versioned<QualityAnalysis>> Analyses { get; init; }

    /// <summary>Findings, most urgent first.</summary>
    public required IReadOnlyList<Versioned<QualityFinding>> Findings { get; init; }

    /// <summary>Agreed actions, each with whether it is agreed and the findings it answers by subject.</summary>
    public required IReadOnlyList<ActionLine> Actions { get; init; }

    /// <summary>Briefings, each with what it gave by name.</summary>
    public required IReadOnlyList<BriefingLine> Briefings { get; init; }

    /// <summary>Every sign-off, stale ones marked.</summary>
    public required IReadOnlyList<SignOffState> SignOffs { get; init; }
}

/// <summary>An agreed action as shown.</summary>
/// <param name="Action">The action.</param>
/// <param name="Findings">The findings it answers, by subject (or summary).</param>
/// <param name="Agreement">Whether its current version is agreed by the accountable stakeholders.</param>
public sealed record ActionLine(Versioned<AgreedAction> Action, IReadOnlyList<string> Findings, Agreement Agreement);

/// <summary>A briefing as shown.</summary>
/// <param name="Briefing">The briefing.</param>
/// <param name="Given">What it gave: analyses by title, findings by subject, actions by title.</param>
public sealed record BriefingLine(Versioned<AudienceBriefing> Briefing, IReadOnlyList<string> Given);
