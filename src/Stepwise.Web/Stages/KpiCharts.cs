using System.Globalization;
using Stepwise.Charts;
using Stepwise.Review.Options;
using ValueInterval = Stepwise.Review.Options.ValueInterval;

namespace Stepwise.Web.Stages;

/// <summary>
/// Simulated KPIs as people read them: a chart per KPI with the as-is and each option side by side, each with its 95%
/// interval, and values written in the unit that suits their size (seconds become minutes, hours or days).
/// </summary>
public static class KpiCharts
{
    /// <summary>The chart of one KPI: the as-is (from the first option's run) and each option that has it; money in
    /// <paramref name="currency"/> (the review's, e.g. "EUR") when it is known.</summary>
    public static BarChart Compare(string key, IReadOnlyList<ImprovementOption> options, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulated = options.Where(o => o.Simulation?.Kpi(key) is not null).ToList();
        if (simulated.Count == 0)
        {
            throw new ArgumentException($"No option has the KPI {key}.", nameof(key));
        }

        var first = simulated[0].Simulation!;
        var kpi = first.Kpi(key)!;
        var all = simulated.Select(o => o.Simulation!.Kpi(key)!).SelectMany(k => new[] { k.AsIs, k.Option }).ToList();
        var measure = MeasureOf(kpi, all.Select(v => v.High ?? v.Mean ?? 0).DefaultIfEmpty(0).Max(), currency);
        var bars = new List<Bar> { Bar("As-is", kpi.AsIs, kpi.Unit, measure) };
        bars.AddRange(simulated.Select(o => Bar(o.Title, o.Simulation!.Kpi(key)!.Option, kpi.Unit, measure)));
        bool sameRun = simulated.All(o => o.Simulation!.Seed == first.Seed && o.Simulation.DataHash == first.DataHash && o.Simulation.Replications == first.Replications);
        return new BarChart
        {
            Title = kpi.Label,
            Subtitle = string.Create(CultureInfo.InvariantCulture, $"Simulated on {first.DataFile}: {first.Replications} replications of {first.HorizonDays:0} days, seed {first.Seed}; bars are means, whiskers 95% confidence intervals"),
            Value = measure,
            Bars = bars,
            CategoryName = "Option",
            Notes = sameRun ? [] : ["Some options were simulated in another run (seed, replications or data differ); the as-is shown is that of the first."],
        };
    }

    /// <summary>The measure for a KPI unit (seconds, share, money, count), durations in the unit that suits
    /// <paramref name="largest"/> seconds, money in <paramref name="currency"/> when it is known.</summary>
    public static Measure MeasureOf(KpiInterval kpi, double largest, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Unit switch
        {
            "seconds" => Measure.Duration(kpi.Label, TimeUnitFor(largest)),
            "share" => Measure.Percent(kpi.Label, 1),
            "money" => currency is null ? Measure.Number(kpi.Label, "money", 2) : Measure.Money(kpi.Label, currency, 2),
            _ => Measure.Number(kpi.Label, string.Empty, 1),
        };
    }

    /// <summary>A KPI value written with its unit, e.g. "3.2 d", "41.5%", "12.40".</summary>
    public static string Format(double? value, KpiInterval kpi, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(measure);
        return value is { } v ? measure.Format(Scale(v, kpi.Unit, measure)) : "–";
    }

    /// <summary>A value with its interval: "3.2 d (2.9 d to 3.5 d)".</summary>
    public static string WithInterval(ValueInterval interval, KpiInterval kpi, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(interval);
        string mean = Format(interval.Mean, kpi, measure);
        return interval.Low is null || interval.High is null ? mean : $"{mean} ({Format(interval.Low, kpi, measure)} to {Format(interval.High, kpi, measure)})";
    }

    /// <summary>A difference with its sign and interval: "−0.4 d (−0.6 d to −0.2 d)".</summary>
    public static string Difference(ValueInterval difference, KpiInterval kpi, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(difference);
        string Signed(double? v) => v is { } x ? (x > 0 ? "+" : string.Empty) + Format(x, kpi, measure) : "–";
        return difference.Low is null || difference.High is null ? Signed(difference.Mean) : $"{Signed(difference.Mean)} ({Signed(difference.Low)} to {Signed(difference.High)})";
    }

    private static Bar Bar(string label, ValueInterval value, string unit, Measure measure) => new(
        label,
        Scale(value.Mean ?? double.NaN, unit, measure),
        Scale(value.Low ?? double.NaN, unit, measure),
        Scale(value.High ?? double.NaN, unit, measure));

    private static double Scale(double value, string unit, Measure measure) => unit == "seconds" ? value / TimeUnits.Seconds(measure.TimeUnit) : value;

    private static TimeUnit TimeUnitFor(double seconds) => seconds >= 2 * 86400 ? TimeUnit.Days : seconds >= 2 * 3600 ? TimeUnit.Hours : TimeUnit.Minutes;
}
