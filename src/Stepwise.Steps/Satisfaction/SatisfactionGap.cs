namespace Stepwise.Steps.Satisfaction;

/// <summary>
/// The satisfaction of cases with a factor (a step, a repeat of a step, a hand-over, a variant) against cases without it.
/// The raw comparison is the difference of mean scores (Welch's t). The adjusted comparison is the factor's coefficient
/// in one least-squares model of the score on every step, rework and hand-over factor together, with
/// heteroscedasticity-robust (HC3) standard errors: the gap of the factor with the others held fixed, so a step that is
/// merely travelled together with a poorly rated one is not blamed for it. Variants are not in the model (a variant is a
/// combination of steps), so their adjusted fields are NaN. Flags use the adjusted p-value where there is one.
/// </summary>
/// <param name="Kind">What the factor is.</param>
/// <param name="Subject">The step, <c>From -> To</c> for a hand-over, or the variant's path.</param>
/// <param name="Activity">The activity id for steps and rework; -1 otherwise.</param>
/// <param name="CasesWith">Scored cases with the factor.</param>
/// <param name="CasesWithout">Scored cases compared against (for rework: cases that did the step once).</param>
/// <param name="MeanWith">Mean score with the factor.</param>
/// <param name="MeanWithout">Mean score without.</param>
/// <param name="Difference">MeanWith - MeanWithout.</param>
/// <param name="Lower">Lower confidence bound of the difference (Welch).</param>
/// <param name="Upper">Upper confidence bound.</param>
/// <param name="EffectSize">Cohen's d of the raw difference.</param>
/// <param name="PValue">Two-sided p-value of the raw difference.</param>
/// <param name="QValue">Benjamini-Hochberg adjusted p-value of the raw difference, over all factors.</param>
/// <param name="AdjustedDifference">The factor's coefficient in the joint model (NaN when not in it).</param>
/// <param name="AdjustedLower">Lower confidence bound of the coefficient.</param>
/// <param name="AdjustedUpper">Upper confidence bound of the coefficient.</param>
/// <param name="AdjustedPValue">Two-sided p-value of the coefficient.</param>
/// <param name="AdjustedQValue">Benjamini-Hochberg adjusted p-value over all factors (model p-values for factors in the
/// model, raw p-values for variants).</param>
/// <param name="Flagged">Whether the gap is a discovery at the chosen false-discovery rate.</param>
/// <param name="NegativeShareWith">Share of negative comments among cases with the factor that have a comment.</param>
/// <param name="NegativeShareWithout">The same among cases without it.</param>
/// <param name="Note">Why the adjusted comparison is missing, when it is.</param>
public sealed record SatisfactionGap(
    FactorKind Kind,
    string Subject,
    int Activity,
    int CasesWith,
    int CasesWithout,
    double MeanWith,
    double MeanWithout,
    double Difference,
    double Lower,
    double Upper,
    double EffectSize,
    double PValue,
    double QValue,
    double AdjustedDifference,
    double AdjustedLower,
    double AdjustedUpper,
    double AdjustedPValue,
    double AdjustedQValue,
    bool Flagged,
    double NegativeShareWith,
    double NegativeShareWithout,
    string? Note)
{
    /// <summary>The gap the scorecard shows: the adjusted difference where there is one, else the raw difference.</summary>
    public double Gap => double.IsNaN(AdjustedDifference) ? Difference : AdjustedDifference;

    /// <summary>Lower bound of <see cref="Gap"/>.</summary>
    public double GapLower => double.IsNaN(AdjustedDifference) ? Lower : AdjustedLower;

    /// <summary>Upper bound of <see cref="Gap"/>.</summary>
    public double GapUpper => double.IsNaN(AdjustedDifference) ? Upper : AdjustedUpper;

    /// <summary>The q-value the flag rests on.</summary>
    public double GapQValue => AdjustedQValue;
}
