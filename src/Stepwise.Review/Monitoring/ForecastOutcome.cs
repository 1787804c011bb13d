using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>A forecast of the chosen option beside what happened.</summary>
public sealed record ForecastOutcome
{
    /// <summary>The KPI's key, or <c>savings</c>.</summary>
    public required string Key { get => field; init => field = Guard.Text(value, "Forecast key", 400); }

    /// <summary>What is compared, in words.</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "Forecast name", 400); }

    /// <summary>The forecast interval's low end.</summary>
    public double? ForecastLow { get; init; }

    /// <summary>Its high end.</summary>
    public double? ForecastHigh { get; init; }

    /// <summary>What happened.</summary>
    public double? Actual { get; init; }

    /// <summary>Lower bound of what happened.</summary>
    public double? ActualLow { get; init; }

    /// <summary>Upper bound of what happened.</summary>
    public double? ActualHigh { get; init; }

    /// <summary>as_forecast, cannot_tell, better_than_forecast, short_of_forecast, outside_forecast or not_measured.</summary>
    public required string Verdict { get => field; init => field = Guard.Text(value, "Forecast verdict", 50); }

    /// <summary>How the figures were found.</summary>
    public string? Note { get; init; }
}
