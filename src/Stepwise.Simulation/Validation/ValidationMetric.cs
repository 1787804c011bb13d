namespace Stepwise.Simulation.Validation;

/// <summary>One measure of the log beside the same measure of the simulated as-is model.</summary>
/// <param name="Group">What kind of measure (arrivals, step frequency, throughput, waiting, distance).</param>
/// <param name="Name">The measure in words.</param>
/// <param name="Observed">The value in the log.</param>
/// <param name="Simulated">The mean over replications.</param>
/// <param name="Tolerance">The largest relative error accepted, when there is a target.</param>
/// <param name="Unit">"seconds", "share", "count" or "per case".</param>
public sealed record ValidationMetric(string Group, string Name, double Observed, double Simulated, double? Tolerance, string Unit)
{
    /// <summary>(simulated - observed) / observed; NaN when the observed value is 0 or unknown.</summary>
    public double RelativeError => Observed == 0 || double.IsNaN(Observed) ? double.NaN : (Simulated - Observed) / Observed;

    /// <summary>Whether the relative error is within the tolerance (null without a target).</summary>
    public bool? WithinTolerance => Tolerance is { } t ? !double.IsNaN(RelativeError) && Math.Abs(RelativeError) <= t : null;
}
