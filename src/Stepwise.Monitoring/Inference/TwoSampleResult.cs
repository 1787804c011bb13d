namespace Stepwise.Monitoring.Inference;

/// <summary>Before and after of one KPI compared: the values, the difference (after minus before) with its interval,
/// the two-sided p-value, the standard error of the difference, and the interval of the after value alone.</summary>
/// <param name="Test">The test, e.g. <c>bootstrap (10,000 resamples)</c>.</param>
/// <param name="Before">The before value.</param>
/// <param name="After">The after value.</param>
/// <param name="Difference">After minus before (for Hodges-Lehmann, the shift).</param>
/// <param name="Low">Lower bound of the difference.</param>
/// <param name="High">Upper bound of the difference.</param>
/// <param name="PValue">Two-sided p-value of no difference.</param>
/// <param name="StandardError">Standard error of the difference.</param>
/// <param name="BeforeCount">Values before.</param>
/// <param name="AfterCount">Values after.</param>
/// <param name="AfterLow">Lower bound of the after value.</param>
/// <param name="AfterHigh">Upper bound of the after value.</param>
internal sealed record TwoSampleResult(
    string Test,
    double Before,
    double After,
    double Difference,
    double Low,
    double High,
    double PValue,
    double StandardError,
    int BeforeCount,
    int AfterCount,
    double AfterLow,
    double AfterHigh)
{
    /// <summary>For bootstrapped KPIs, the resampled differences (to combine strata); null otherwise.</summary>
    public double[]? Replicates { get; init; }
}
