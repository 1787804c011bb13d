using Stepwise.Charts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Trends;

namespace Stepwise.Monitoring.Rendering;

/// <summary>
/// Turns a KPI's control chart across the change into the shared chart module's control chart: the points with each
/// phase's centre line and limits (stepped at the change, where they are recomputed), a phase line labelled "change",
/// and every point that signals ringed with its rules. After the change a point's rules are those it completes within
/// the after phase and against the before phase's limits (a shift); the notes say so.
/// </summary>
public static class TrendCharts
{
    /// <summary>The chart of <paramref name="trend"/>.</summary>
    public static ControlChartPlot Chart(KpiTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var (measure, scale) = MeasureOf(trend);
        var points = trend.Points.Select(p => new ControlChartPoint(
            p.Label,
            p.Value * scale,
            p.Centre * scale,
            p.Lower * scale,
            p.Upper * scale,
            [.. p.Signals.Concat(p.BaselineSignals).Select(r => (int)r).Distinct().Order()])).ToList();
        int start = trend.Points.ToList().FindIndex(p => p.Phase == TrendPhase.After);
        string interval = trend.Interval == TrendInterval.Day ? "day" : "week";
        return new ControlChartPlot
        {
            Title = $"{trend.Name}, per {interval}, before and after the change",
            Subtitle = $"{(trend.Chart == "p" ? "p-chart" : "XmR chart")}; limits computed separately before and after the change",
            Value = measure,
            PeriodName = interval == "day" ? "Day" : "Week from",
            Points = points,
            Phases = start > 0 ? [new ControlChartPhase(start, "change")] : [],
            Notes = ["After the change, a point's rules are checked within the after phase and against the before phase's limits; a rule broken against the before limits shows a shift."],
        };
    }

    /// <summary>The chart of <paramref name="trend"/> as a stand-alone SVG document.</summary>
    public static string Svg(KpiTrend trend, ChartSize? size = null) => Chart(trend).Render(size ?? ChartSize.Screen, "kpi").Svg;

    /// <summary>The chart's measure, named short for the axis (the title names the KPI), and the factor from the KPI's
    /// base unit to it (seconds become minutes, hours or days, whichever suits the largest value).</summary>
    private static (Measure Measure, double Scale) MeasureOf(KpiTrend trend)
    {
        string name = trend.Unit switch
        {
            KpiUnit.Seconds => "Time",
            KpiUnit.Share => "Share of cases",
            KpiUnit.CasesPerInterval => "Cases",
            KpiUnit.PerCase => "Per case",
            KpiUnit.Money => "Cost per case",
            KpiUnit.Score => "Score",
            _ => "Value",
        };
        switch (trend.Unit)
        {
            case KpiUnit.Seconds:
                double largest = trend.Points.SelectMany(p => new[] { p.Value, p.Upper }).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
                return largest >= 2 * 86400 ? (Measure.Duration(name, TimeUnit.Days), 1 / 86400.0)
                    : largest >= 2 * 3600 ? (Measure.Duration(name, TimeUnit.Hours), 1 / 3600.0)
                    : (Measure.Duration(name, TimeUnit.Minutes), 1 / 60.0);
            case KpiUnit.Share:
                return (Measure.Percent(name, 1), 1);
            case KpiUnit.CasesPerInterval:
                return (Measure.Count(name), 1);
            default:
                return (Measure.Number(name, string.Empty, 2), 1);
        }
    }
}
