using System.Globalization;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Options;
using Stepwise.Workbench;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;

namespace Stepwise.Web.Stages;

/// <summary>
/// How far a review's evaluation of its options is, as the overview says it at stages Evaluate and Decide: options
/// simulated on their current changes, scored on every criterion of the decision matrix, costed, risks recorded, and
/// whether a recommendation is agreed (what moving on to Implement needs).
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="WithChanges">Options with changes (the others are drafts).</param>
/// <param name="Simulated">Options with a simulation of their current changes.</param>
/// <param name="Criteria">Criteria of the decision matrix.</param>
/// <param name="Ranked">Options scored on every criterion.</param>
/// <param name="Winner">The first of the ranking, if any.</param>
/// <param name="Costed">Options with a cost-benefit case.</param>
/// <param name="Risks">Risks recorded.</param>
/// <param name="Recommendations">Recommendations not withdrawn, each with whether it is agreed.</param>
public sealed record EvaluateProgress(int Options, int WithChanges, int Simulated, int Criteria, int Ranked, RankedTitle? Winner, int Costed, int Risks, IReadOnlyList<RecommendationSummary> Recommendations)
{
    /// <summary>The progress of a review from its options, matrix, evaluation (null when none is written) and recommendations.</summary>
    public static EvaluateProgress Of(IReadOnlyList<Versioned<ImprovementOption>> options, DecisionMatrix matrix, OptionEvaluation? evaluation, IReadOnlyList<RecommendationSummary> recommendations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(recommendations);
        return new EvaluateProgress(
            options.Count,
            options.Count(o => o.Value.Changes.Count > 0),
            options.Count(o => o.Value.Simulation is not null),
            matrix.Criteria.Count,
            matrix.Ranking.Count,
            matrix.Winner,
            evaluation?.CostBenefits.Select(c => c.OptionId).Distinct().Count() ?? 0,
            evaluation?.Risks.Count ?? 0,
            [.. recommendations.Where(r => r.Recommendation.Value.Status != RecommendationStatus.Withdrawn)]);
    }

    /// <summary>"3 options, 2 of them simulated on their current changes; 1 without changes yet".</summary>
    public string OptionsLine() => Options == 0
        ? "None yet: add them on the Options page, each a set of changes the simulation runs against the as-is."
        : $"{Counted.Of(Options, "option", "options")}, {Simulated} of them simulated on their current changes" + (WithChanges < Options ? $"; {Options - WithChanges} without changes yet" : "") + ".";

    /// <summary>"3 criteria; 2 of 3 options scored on every criterion, first “No waiting step” (4.25 of 5)".</summary>
    public string MatrixLine() => Criteria == 0
        ? "No criteria yet: set them (with weights) on the Evaluation page, then score each option."
        : $"{Counted.Of(Criteria, "criterion", "criteria")}; {Ranked} of {Counted.Of(Options, "option", "options")} scored on every criterion"
            + (Winner is { } w ? string.Create(CultureInfo.InvariantCulture, $", first “{w.Option}” ({w.WeightedScore:0.00} of 5)") : "") + ".";

    /// <summary>"2 of 3 options costed".</summary>
    public string CostLine() => $"{Costed} of {Counted.Of(Options, "option", "options")} costed (one-off and yearly costs, savings, net present value and payback).";

    /// <summary>"2 risks recorded".</summary>
    public string RiskLine() => Risks == 0 ? "None recorded yet." : $"{Counted.Of(Risks, "risk", "risks")} recorded.";

    /// <summary>Whether a recommendation is agreed, and if not what it waits for.</summary>
    public string RecommendationLine()
    {
        if (Recommendations.FirstOrDefault(r => r.Agreement.IsAgreed) is { } agreed)
        {
            return $"“{agreed.Recommendation.Value.Title}” is agreed by every accountable stakeholder: the review can move on to Implement from Decide.";
        }

        return Recommendations.Count == 0
            ? "None yet: put one forward on the Decision page, naming the options it takes up; every accountable stakeholder then signs it off."
            : $"“{Recommendations[^1].Recommendation.Value.Title}” is not agreed yet: {Recommendations[^1].Agreement.Reason}";
    }
}
