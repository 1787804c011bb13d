namespace Stepwise.Review.Quality;

/// <summary>A planned metric an analysis could not measure.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Reason">Why, e.g. "the file has no outcome column".</param>
public sealed record UnmeasuredMetric(string Metric, string Reason);
