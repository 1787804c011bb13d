using Stepwise.Text.Themes;

namespace Stepwise.Workbench.Survey;

/// <summary>A theme with how the scores of its comments compare with those of other comments.</summary>
/// <param name="Result">Frequency, sentiment and quotes.</param>
/// <param name="ScoreName">What was compared (the overall score, or the outcome).</param>
/// <param name="InTheme">Mean score (or yes share) of comments in the theme.</param>
/// <param name="Rest">Mean score (or yes share) of other comments.</param>
/// <param name="Test">The test used.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="AdjustedPValue">The p-value adjusted over all themes (Holm).</param>
/// <param name="QuoteIds">The (pseudonymised) response id of each quote.</param>
public sealed record SurveyTheme(ThemeResult Result, string? ScoreName, double InTheme, double Rest, string? Test, double PValue, double AdjustedPValue, IReadOnlyList<string> QuoteIds);
