using System.Globalization;

namespace Stepwise.Steps.Satisfaction;

/// <summary>Satisfaction per step, rework, hand-over and variant.</summary>
/// <param name="ScoreName">The score analysed.</param>
/// <param name="ScaleMin">The lowest point of its scale.</param>
/// <param name="ScaleMax">The highest point of its scale.</param>
/// <param name="ScoredCases">Cases of the view with a score.</param>
/// <param name="MeanScore">Their mean score.</param>
/// <param name="Gaps">Every factor tested, steps first, then rework, hand-overs and variants.</param>
/// <param name="ModelFactors">Factors in the joint model.</param>
/// <param name="ModelResidualSd">The joint model's residual standard deviation.</param>
/// <param name="Link">How the responses were linked.</param>
/// <param name="Options">The options used.</param>
public sealed record SatisfactionReport(
    string ScoreName,
    int ScaleMin,
    int ScaleMax,
    int ScoredCases,
    double MeanScore,
    IReadOnlyList<SatisfactionGap> Gaps,
    int ModelFactors,
    double ModelResidualSd,
    LinkedFeedback Link,
    SatisfactionOptions Options)
{
    /// <summary>The gap of cases through the step named <paramref name="step"/>, or null when it was not tested.</summary>
    public SatisfactionGap? StepGap(string step) => Gaps.FirstOrDefault(g => g.Kind == FactorKind.Step && string.Equals(g.Subject, step, StringComparison.Ordinal));

    /// <summary>The gap of cases repeating the step named <paramref name="step"/>, or null.</summary>
    public SatisfactionGap? ReworkGap(string step) => Gaps.FirstOrDefault(g => g.Kind == FactorKind.Rework && string.Equals(g.Subject, step, StringComparison.Ordinal));

    /// <summary>How the gaps are computed, for report notes.</summary>
    public string Method => string.Create(
        CultureInfo.InvariantCulture,
        $"Gap: mean '{ScoreName}' of cases with the factor minus cases without (rework: cases repeating the step minus cases doing it once), adjusted for every other step, rework and hand-over factor by least squares with robust (HC3) {Options.Confidence * 100:0.#}% intervals; variants are compared unadjusted. Flagged: Benjamini-Hochberg q < {Options.FalseDiscoveryRate:0.###} over all {Gaps.Count} factors tested; a factor needs {Options.MinCases} scored cases on each side.");
}
