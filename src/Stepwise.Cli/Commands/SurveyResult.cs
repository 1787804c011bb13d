using Stepwise.Statistics.Control;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Findings;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Segments;
using Stepwise.Statistics.Targets;
using Stepwise.Text.Themes;

namespace Stepwise.Cli.Commands;

/// <summary>One measure of the summary: a score with its mean and top-2-box share, or the outcome's share.</summary>
/// <param name="Measure">The column.</param>
/// <param name="Role"><c>overall</c>, <c>item</c> or <c>outcome</c>.</param>
/// <param name="Scale">The scale (null for the outcome).</param>
/// <param name="Mean">The mean with its t interval (NaN for the outcome).</param>
/// <param name="Share">The top-2-box share (or the yes share of the outcome) with its Wilson interval.</param>
/// <param name="Nps">NPS of an overall score on a 0-10 or 1-10 scale.</param>
public sealed record SurveyMeasure(string Measure, string Role, ScoreScale? Scale, Estimate Mean, Estimate Share, NetPromoterScore? Nps);

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

/// <summary>Everything a survey analysis computed; parts not asked for are null or empty.</summary>
public sealed record SurveyResult
{
    /// <summary>The import.</summary>
    public required FeedbackImport Import { get; init; }

    /// <summary>Summary measures.</summary>
    public IReadOnlyList<SurveyMeasure> Measures { get; init; } = [];

    /// <summary>The distribution of the overall score.</summary>
    public ScoreDistribution? Distribution { get; init; }

    /// <summary>The key-driver analysis.</summary>
    public DriverAnalysis? Drivers { get; init; }

    /// <summary>The themes of the comments.</summary>
    public IReadOnlyList<SurveyTheme> Themes { get; init; } = [];

    /// <summary>Shares of positive, neutral and negative comments, and the mean sentiment.</summary>
    public (double Positive, double Neutral, double Negative, double Mean, int Comments)? Sentiment { get; init; }

    /// <summary>Targets checked.</summary>
    public IReadOnlyList<(PlannedMeasure? Measure, TargetAssessment Assessment)> Targets { get; init; } = [];

    /// <summary>Plan measures the data could not measure, with the reason.</summary>
    public IReadOnlyList<(PlannedMeasure Measure, string Reason)> Unmeasured { get; init; } = [];

    /// <summary>Segment differences.</summary>
    public IReadOnlyList<SegmentDifference> Segments { get; init; } = [];

    /// <summary>The trend.</summary>
    public ControlChart? Trend { get; init; }

    /// <summary>What the trend charts.</summary>
    public string? TrendMeasure { get; init; }

    /// <summary>Recommended actions.</summary>
    public IReadOnlyList<RecommendedAction> Actions { get; init; } = [];
}
