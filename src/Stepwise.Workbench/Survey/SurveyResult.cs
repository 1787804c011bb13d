using Stepwise.Statistics.Control;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Findings;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Segments;
using Stepwise.Statistics.Targets;
using Stepwise.Text.Themes;

namespace Stepwise.Workbench.Survey;

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

    /// <summary>The comment analysis: each response's redacted comment, sentiment and theme (null when not asked for).</summary>
    public CommentAnalysis? Comments { get; init; }

    /// <summary>The id of each response as shown (pseudonymised when a key was given); null when comments were not analysed.</summary>
    public IReadOnlyList<string>? ResponseIds { get; init; }

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
