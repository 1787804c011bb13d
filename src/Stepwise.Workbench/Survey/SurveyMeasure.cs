using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;

namespace Stepwise.Workbench.Survey;

/// <summary>One measure of the summary: a score with its mean and top-2-box share, or the outcome's share.</summary>
/// <param name="Measure">The column.</param>
/// <param name="Role"><c>overall</c>, <c>item</c> or <c>outcome</c>.</param>
/// <param name="Scale">The scale (null for the outcome).</param>
/// <param name="Mean">The mean with its t interval (NaN for the outcome).</param>
/// <param name="Share">The top-2-box share (or the yes share of the outcome) with its Wilson interval.</param>
/// <param name="Nps">NPS of an overall score on a 0-10 or 1-10 scale.</param>
public sealed record SurveyMeasure(string Measure, string Role, ScoreScale? Scale, Estimate Mean, Estimate Share, NetPromoterScore? Nps);
