using Stepwise.Monitoring.Kpis;

namespace Stepwise.Monitoring.Trends;

/// <summary>
/// A KPI's control chart across the change: one point per interval, the phase line at the change, limits computed
/// separately before and after it, and the Western Electric rules marked. Times and counts are charted as XmR charts
/// of the interval's value; rates as p-charts.
/// </summary>
/// <param name="Key">The KPI's key.</param>
/// <param name="Name">The KPI's name.</param>
/// <param name="Unit">The unit of the values.</param>
/// <param name="Chart"><c>XmR</c> or <c>p</c>.</param>
/// <param name="Interval">The interval of the points.</param>
/// <param name="Points">The points in time order, before the change first.</param>
/// <param name="BeforeCentre">The centre line before the change.</param>
/// <param name="AfterCentre">The centre line after it.</param>
public sealed record KpiTrend(string Key, string Name, KpiUnit Unit, string Chart, TrendInterval Interval, IReadOnlyList<TrendPoint> Points, double BeforeCentre, double AfterCentre)
{
    /// <summary>Whether any point after the change signals against the before phase's limits.</summary>
    public bool ShiftSignalled => Points.Any(p => p.BaselineSignals.Count > 0);
}
