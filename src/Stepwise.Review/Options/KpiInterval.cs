using Stepwise.Review.Common;

namespace Stepwise.Review.Options;

/// <summary>One KPI of a simulated option beside the as-is, with 95% confidence intervals.</summary>
public sealed record KpiInterval
{
    /// <summary>The KPI's key, e.g. <c>throughput_median</c> or <c>cost_per_case</c>.</summary>
    public required string Key { get => field; init => field = Guard.Text(value, "KPI key", 200); }

    /// <summary>The KPI in words.</summary>
    public required string Label { get => field; init => field = Guard.Text(value, "KPI label", 400); }

    /// <summary>What the numbers are: seconds, share, money or count.</summary>
    public required string Unit { get => field; init => field = Guard.Text(value, "KPI unit", 50); }

    /// <summary>The as-is estimate.</summary>
    public required ValueInterval AsIs { get; init; }

    /// <summary>The estimate with the option's changes.</summary>
    public required ValueInterval Option { get; init; }

    /// <summary>Option minus as-is, from paired replications.</summary>
    public required ValueInterval Difference { get; init; }

    /// <summary>Whether the difference's interval excludes 0.</summary>
    public bool Significant { get; init; }
}
