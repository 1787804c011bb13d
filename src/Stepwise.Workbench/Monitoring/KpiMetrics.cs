using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Mining.Time;
using Stepwise.Review.Monitoring;

namespace Stepwise.Workbench.Monitoring;

/// <summary>
/// The KPI definitions Stepwise computes from a stored event log over a period (cases that start in it): throughput
/// times, volume, rework, events per case, and the share of cases through a step. These are single values per period;
/// comparing periods with statistics (intervals, tests, mix adjustment) is the monitoring engine's work and plugs in
/// at <see cref="MonitoringUseCases.Measure"/>.
/// </summary>
public static class KpiMetrics
{
    private const string SharePrefix = "share_with:";

    /// <summary>The metrics, with their unit, better direction and definition.</summary>
    public static IReadOnlyList<(string Metric, string Unit, KpiDirection Direction, string Definition)> All { get; } =
    [
        ("throughput_median_hours", "hours", KpiDirection.LowerIsBetter, "median time from a case's first to its last event"),
        ("throughput_mean_hours", "hours", KpiDirection.LowerIsBetter, "mean time from a case's first to its last event"),
        ("throughput_p90_hours", "hours", KpiDirection.LowerIsBetter, "90th percentile of the time from a case's first to its last event"),
        ("cases", "cases", KpiDirection.LowerIsBetter, "cases started in the period"),
        ("rework_share", "share", KpiDirection.LowerIsBetter, "share of cases with a step done more than once"),
        ("events_per_case", "events", KpiDirection.LowerIsBetter, "mean events per case"),
        (SharePrefix + "STEP", "share", KpiDirection.LowerIsBetter, "share of cases that go through STEP"),
    ];

    /// <summary>Whether <paramref name="metric"/> is one Stepwise computes.</summary>
    public static bool Exists(string? metric) => metric is not null && (metric.StartsWith(SharePrefix, StringComparison.Ordinal) ? metric.Length > SharePrefix.Length : All.Any(m => m.Metric == metric));

    /// <summary>The unit, better direction and definition of a metric.</summary>
    public static (string Unit, KpiDirection Direction, string Definition) Describe(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            return ("share", KpiDirection.LowerIsBetter, $"share of cases that go through '{metric[SharePrefix.Length..]}'");
        }

        var m = All.First(x => x.Metric == metric);
        return (m.Unit, m.Direction, m.Definition);
    }

    /// <summary>The metric over the cases of <paramref name="view"/> that start in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <exception cref="ArgumentException">The metric is unknown, or names a step the log does not have.</exception>
    /// <returns>The value, and the cases it was computed on.</returns>
    public static (double Value, int Cases) Compute(LogView view, string metric, DateTimeOffset? from, DateTimeOffset? to, DurationMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(metric);
        if (from is not null || to is not null)
        {
            view = new Mining.Filtering.TimeWindowFilter(from, to, Mining.Filtering.TimeWindowMode.Starting).Apply(view, measure);
        }

        if (view.CaseCount == 0)
        {
            throw new ArgumentException("No case starts in the period, so there is nothing to measure.", nameof(view));
        }

        var cases = CaseStatistics.Compute(view, measure ?? DurationMeasure.Elapsed);
        double value = metric switch
        {
            "throughput_median_hours" => cases.Throughput.Median / 3600,
            "throughput_mean_hours" => cases.Throughput.Mean / 3600,
            "throughput_p90_hours" => cases.Throughput.P90 / 3600,
            "cases" => view.CaseCount,
            "rework_share" => cases.ReworkCases / (double)view.CaseCount,
            "events_per_case" => cases.EventsPerCase.Mean,
            _ when metric.StartsWith(SharePrefix, StringComparison.Ordinal) => ShareWith(view, metric[SharePrefix.Length..]),
            _ => throw new ArgumentException($"'{metric}' is not a metric Stepwise computes; use one of {string.Join(", ", All.Select(m => m.Metric))}.", nameof(metric)),
        };
        return (value, view.CaseCount);
    }

    private static double ShareWith(LogView view, string activity)
    {
        int id = view.Log.ActivityNames.IdOf(activity);
        if (id < 0)
        {
            throw new ArgumentException($"The log has no step '{activity}'.", nameof(activity));
        }

        int with = 0;
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            for (int e = view.Log.CaseStart(c); e < view.Log.CaseEnd(c); e++)
            {
                if (view.Log.Activities[e] == id)
                {
                    with++;
                    break;
                }
            }
        }

        return with / (double)view.CaseCount;
    }

    /// <summary>The period in words, e.g. "cases starting 2013-01-01 to 2013-04-01".</summary>
    public static string Period(DateTimeOffset? from, DateTimeOffset? to)
        => $"cases starting {from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";
}
