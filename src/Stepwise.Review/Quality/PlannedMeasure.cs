using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>A line of the measurement plan: what is measured, how, from where, on which sample, how often, against which target.</summary>
public sealed record PlannedMeasure
{
    /// <summary>The metric, e.g. "CSAT on cabin staff service".</summary>
    public required string Metric { get => field; init => field = Guard.Text(value, "Metric", 200); }

    /// <summary>The feature it measures, if any.</summary>
    public string? Feature { get => field; init => field = Guard.OptionalText(value, "Measured feature", 200); }

    /// <summary>The method: survey, mystery shopping, QA scorecard, log analysis, ...</summary>
    public required string Method { get => field; init => field = Guard.Text(value, $"Method of '{Metric}'", 200); }

    /// <summary>The data source, e.g. the post-contact survey.</summary>
    public required string Source { get => field; init => field = Guard.Text(value, $"Source of '{Metric}'", 200); }

    /// <summary>The sample design, e.g. "stratified by channel, 400 per month".</summary>
    public required string SampleDesign { get => field; init => field = Guard.Text(value, $"Sample design of '{Metric}'", 400); }

    /// <summary>How often, e.g. monthly.</summary>
    public required string Frequency { get => field; init => field = Guard.Text(value, $"Frequency of '{Metric}'", 100); }

    /// <summary>The target value.</summary>
    public required double Target { get => field; init => field = Guard.Finite(value, $"Target of '{Metric}'"); }

    /// <summary>Whether higher values are better.</summary>
    public bool HigherIsBetter { get; init; } = true;
}
