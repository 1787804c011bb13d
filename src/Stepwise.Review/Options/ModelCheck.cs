using System.Text.Json.Serialization;
using Stepwise.Review.Common;

namespace Stepwise.Review.Options;

/// <summary>How well the simulation model reproduced the data it was discovered from, as stored with a simulation.</summary>
public sealed record ModelCheck
{
    /// <summary>Replications simulated for the check.</summary>
    public int Replications { get; init; }

    /// <summary>The distance between observed and simulated throughput-time distributions (Kolmogorov-Smirnov, 0 to 1).</summary>
    public double? ThroughputDistance { get; init; }

    /// <summary>Every measure compared.</summary>
    public IReadOnlyList<CheckedMeasure> Measures { get => field; init => field = Guard.List(value, "Checked measures"); } = [];

    /// <summary>What could not be compared and why.</summary>
    public IReadOnlyList<string> Notes { get => field; init => field = Guard.List(value, "Check notes"); } = [];

    /// <summary>Measures with a tolerance.</summary>
    [JsonIgnore]
    public int WithTarget => Measures.Count(m => m.Tolerance is not null);

    /// <summary>Measures within their tolerance.</summary>
    [JsonIgnore]
    public int WithinTarget => Measures.Count(m => m.Within == true);
}

/// <summary>One measure of the data beside the simulated as-is.</summary>
/// <param name="Group">What kind of measure (arrivals, step frequency, throughput, waiting, distance).</param>
/// <param name="Name">The measure in words.</param>
/// <param name="Unit">seconds, share, count or per case.</param>
/// <param name="Observed">The value in the data.</param>
/// <param name="Simulated">The mean over replications.</param>
/// <param name="Tolerance">The largest relative error accepted, if there is a target.</param>
/// <param name="Within">Whether the error is within the tolerance (null without a target).</param>
public sealed record CheckedMeasure(string Group, string Name, string Unit, double? Observed, double? Simulated, double? Tolerance, bool? Within);
