namespace Stepwise.Statistics.Control;

/// <summary>A control chart: its points with limits and signals.</summary>
/// <param name="Kind"><c>p</c> or <c>XmR</c>.</param>
/// <param name="Centre">The centre line (the overall proportion, or the mean).</param>
/// <param name="Points">The points in time order.</param>
/// <param name="MovingRangeMean">For XmR charts, the mean moving range (NaN for p-charts).</param>
/// <param name="MovingRangeUpper">For XmR charts, the upper limit of the moving-range chart, 3.267 times the mean moving range.</param>
public sealed record ControlChart(string Kind, double Centre, IReadOnlyList<ControlPoint> Points, double MovingRangeMean, double MovingRangeUpper)
{
    /// <summary>Whether any point signals special-cause variation.</summary>
    public bool HasSignals => Points.Any(p => p.Signals.Count > 0);
}
