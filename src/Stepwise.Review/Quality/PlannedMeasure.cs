using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>
/// A line of the measurement plan: which feature is measured, by which metric and method, against which target, how
/// often, and who is accountable. <see cref="Statistic"/> and <see cref="Column"/> say how a result is computed from
/// feedback data, so results against targets can be worked out from an imported file.
/// </summary>
public sealed record PlannedMeasure
{
    /// <summary>The metric's name, unique in the plan, e.g. "CSAT on cabin staff service".</summary>
    public required string Metric { get => field; init => field = Guard.Text(value, "Metric", 200); }

    /// <summary>The feature it measures, if any (one of the review's features).</summary>
    public string? Feature { get => field; init => field = Guard.OptionalText(value, "Measured feature", 200); }

    /// <summary>
    /// How the value is computed from feedback: csat, mean, top2, nps, ces, fcr, response-time or qa; null when the
    /// metric is measured outside Stepwise and recorded by hand.
    /// </summary>
    public string? Statistic { get => field; init => field = Guard.OptionalText(value, $"Statistic of '{Metric}'", 40); }

    /// <summary>The column of the feedback it is computed on (the overall score or outcome when null).</summary>
    public string? Column { get => field; init => field = Guard.OptionalText(value, $"Column of '{Metric}'", 200); }

    /// <summary>The method: survey, qa-review, mystery-shopping, complaint-analysis, operational-data.</summary>
    public required string Method { get => field; init => field = Guard.Text(value, $"Method of '{Metric}'", 200); }

    /// <summary>The data source, e.g. the post-contact survey.</summary>
    public string? Source { get => field; init => field = Guard.OptionalText(value, $"Source of '{Metric}'", 200); }

    /// <summary>The sample design, e.g. "stratified by class, 400 per month".</summary>
    public string? SampleDesign { get => field; init => field = Guard.OptionalText(value, $"Sample design of '{Metric}'", 400); }

    /// <summary>How often: daily, weekly, monthly, quarterly, yearly.</summary>
    public required string Frequency { get => field; init => field = Guard.Text(value, $"Frequency of '{Metric}'", 100); }

    /// <summary>The target value, in the metric's units (shares as 0..1, NPS in points).</summary>
    public required double Target { get => field; init => field = Guard.Finite(value, $"Target of '{Metric}'"); }

    /// <summary>Whether higher values are better (the target is a floor) or lower (a ceiling).</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Who is accountable for the measure (a role or a name).</summary>
    public string? Owner { get => field; init => field = Guard.OptionalText(value, $"Owner of '{Metric}'", 200); }
}
