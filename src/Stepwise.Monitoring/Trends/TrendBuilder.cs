using Stepwise.Mining.Statistics;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Measures;
using Stepwise.Statistics.Control;

namespace Stepwise.Monitoring.Trends;

/// <summary>
/// Builds a KPI's control chart across the change with the Statistics engine's charts: one chart per phase (so the
/// limits are recomputed after the change), and the after points tested again against the before phase's centre and
/// sigma, which is how a shift caused by the change shows.
/// </summary>
internal static class TrendBuilder
{
    public static KpiTrend Build(MonitoredKpi kpi, Sample before, Sample after, long[] beforeTime, long[] afterTime, Buckets buckets, MonitorOptions options)
    {
        var measure = kpi.Measure;
        bool rate = measure.Family == KpiFamily.Proportion;
        var b = Phase(measure, before, beforeTime, buckets, true, options);
        var a = Phase(measure, after, afterTime, buckets, false, options);
        var bChart = Chart(rate, b);
        var aChart = Chart(rate, a);
        var points = new List<TrendPoint>();
        Add(points, bChart, TrendPhase.Before, null);
        double sigma = bChart.Kind == "p" ? double.NaN : bChart.MovingRangeMean * ControlCharts.IndividualsFactor / 3;
        var against = Baseline(rate, bChart.Centre, sigma, a, aChart);
        Add(points, aChart, TrendPhase.After, against);
        return new KpiTrend(measure.Key, kpi.Name, measure.Unit, rate ? "p" : "XmR", options.Interval, points, bChart.Centre, aChart.Centre);
    }

    private sealed record PhasePoints(List<string> Labels, List<double> Values, List<int> Successes, List<int> Counts);

    private static PhasePoints Phase(KpiMeasure measure, Sample sample, long[] time, Buckets buckets, bool before, MonitorOptions options)
    {
        var result = new PhasePoints([], [], [], []);
        if (measure.Family == KpiFamily.Volume)
        {
            // Volume is charted over whole intervals only, as it is compared.
            var counts = buckets.Counts(time, before);
            int whole = counts.Length;
            for (int i = 0; i < whole; i++)
            {
                int k = before ? whole - 1 - i : i;
                result.Labels.Add(Buckets.Label(before ? buckets.BeforeStart(k) : buckets.AfterStart(k)));
                result.Values.Add(counts[i]);
                result.Counts.Add((int)counts[i]);
                result.Successes.Add(0);
            }

            return result;
        }

        var groups = new SortedDictionary<int, List<double>>();
        for (int i = 0; i < sample.Count; i++)
        {
            long t = time[sample.Positions[i]];
            int k = before ? buckets.BeforeIndex(t) : buckets.AfterIndex(t);
            if (k < 0)
            {
                continue;
            }

            if (!groups.TryGetValue(k, out var list))
            {
                groups[k] = list = [];
            }

            list.Add(sample.Values[i]);
        }

        foreach (int k in before ? groups.Keys.Reverse() : groups.Keys)
        {
            var values = groups[k];
            if (values.Count < options.MinCasesPerPoint)
            {
                continue;
            }

            double value;
            if (measure.Family == KpiFamily.Quantile)
            {
                var sorted = values.ToArray();
                Array.Sort(sorted);
                value = DistributionSummary.Sorted(sorted, measure.Quantile);
            }
            else
            {
                value = values.Average();
            }

            result.Labels.Add(Buckets.Label(before ? buckets.BeforeStart(k) : buckets.AfterStart(k)));
            result.Values.Add(value);
            result.Counts.Add(values.Count);
            result.Successes.Add(measure.Family == KpiFamily.Proportion ? (int)Math.Round(values.Sum()) : 0);
        }

        return result;
    }

    private static ControlChart Chart(bool rate, PhasePoints phase)
        => rate ? ControlCharts.PChart(phase.Labels, phase.Successes, phase.Counts) : ControlCharts.XmR(phase.Labels, phase.Values, phase.Counts);

    private static Dictionary<string, List<ControlRule>> Baseline(bool rate, double centre, double sigma, PhasePoints after, ControlChart chart)
    {
        var result = new Dictionary<string, List<ControlRule>>(StringComparer.Ordinal);
        if (double.IsNaN(centre) || chart.Points.Count == 0 || (!rate && double.IsNaN(sigma)))
        {
            return result;
        }

        var points = chart.Points;
        var values = points.Select(p => p.Value).ToList();
        var signals = ControlCharts.Signals(values, _ => centre, i => rate ? Math.Sqrt(centre * (1 - centre) / points[i].Count) : sigma);
        for (int i = 0; i < points.Count; i++)
        {
            result[points[i].Label] = signals[i];
        }

        return result;
    }

    private static void Add(List<TrendPoint> points, ControlChart chart, TrendPhase which, Dictionary<string, List<ControlRule>>? against)
    {
        foreach (var p in chart.Points)
        {
            IReadOnlyList<ControlRule> baseline = against is not null && against.TryGetValue(p.Label, out var list) ? list : [];
            points.Add(new TrendPoint(p.Label, which, p.Value, p.Count, p.Centre, p.Lower, p.Upper, p.Signals, baseline));
        }
    }
}
