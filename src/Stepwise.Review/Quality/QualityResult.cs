using Stepwise.Review.Common;

namespace Stepwise.Review.Quality;

/// <summary>A measured result of a planned metric, on a sample of the data identified by its hash.</summary>
public sealed record QualityResult
{
    /// <summary>The metric (as named in the measurement plan).</summary>
    public required string Metric { get => field; init => field = Guard.Text(value, "Result metric", 200); }

    /// <summary>The value.</summary>
    public required double Value { get => field; init => field = Guard.Finite(value, $"Result of '{Metric}'"); }

    /// <summary>How many responses or cases it was computed on.</summary>
    public required int SampleSize { get => field; init => field = value <= 0 ? throw new ReviewRuleException($"The sample size of '{Metric}' must be positive.") : value; }

    /// <summary>The period end it covers.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The data it was computed on.</summary>
    public required ContentHash DataHash { get => field; init => field = value.IsEmpty ? throw new ReviewRuleException($"The result of '{Metric}' must name the hash of its data.") : value; }
}
