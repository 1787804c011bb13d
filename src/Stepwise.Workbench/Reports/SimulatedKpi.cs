using Stepwise.Charts;
using Stepwise.Review.Options;

namespace Stepwise.Workbench.Reports;

/// <summary>How a simulated KPI's values are shown: its measure and the factor from the stored value to it.</summary>
internal static class SimulatedKpi
{
    /// <summary>The measure for a KPI in the unit it is stored in ("seconds", "share", "money", "count"), with durations
    /// in hours or days after the as-is value.</summary>
    public static (Measure Measure, double Factor) Of(KpiInterval kpi, string currency)
    {
        switch (kpi.Unit)
        {
            case "seconds":
                var unit = ReportContext.UnitFor(kpi.AsIs.Mean ?? double.NaN);
                return (Measure.Duration(kpi.Label, unit), 1 / TimeUnits.Seconds(unit));
            case "share":
                return (Measure.Percent(kpi.Label, 1), 1);
            case "money":
                return (Measure.Money(kpi.Label, currency, 2), 1);
            default:
                return (Measure.Number(kpi.Label, string.Empty, 0), 1);
        }
    }

    /// <summary>A stored interval as shown.</summary>
    public static string Text(Review.Options.ValueInterval? v, Measure measure, double factor)
    {
        if (v?.Mean is not { } mean)
        {
            return "not measured";
        }

        string text = measure.Format(mean * factor);
        return v.Low is { } low && v.High is { } high ? $"{text} ({measure.Format(low * factor)} to {measure.Format(high * factor)})" : text;
    }

    /// <summary>A stored interval as shown in a narrow table cell: the unit once, after the mean ("−1.5 d (−2.2 to −0.8)").</summary>
    public static string Compact(Review.Options.ValueInterval? v, Measure measure, double factor)
    {
        if (v?.Mean is not { } mean || v.Low is not { } low || v.High is not { } high)
        {
            return Text(v, measure, factor);
        }

        string text = measure.Format(mean * factor);
        int space = text.LastIndexOf(' ');
        string unit = text.EndsWith('%') ? "%" : space > 0 && !char.IsDigit(text[^1]) ? text[space..] : string.Empty;
        string Bare(double value)
        {
            string s = measure.Format(value * factor);
            return unit.Length > 0 && s.EndsWith(unit, StringComparison.Ordinal) ? s[..^unit.Length] : s;
        }

        return $"{text} ({Bare(low)} to {Bare(high)})";
    }
}
