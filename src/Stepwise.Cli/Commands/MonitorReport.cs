using System.Globalization;
using Stepwise.Cli.Output;
using Stepwise.Monitoring;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Control;
using Stepwise.Statistics.Targets;

namespace Stepwise.Cli.Commands;

/// <summary>
/// Builds the printed result of <c>stepwise monitor</c>. In CSV and JSON every number is in the KPI's base unit
/// (seconds, shares 0..1, cases per interval, money, scores) so scripts need no parsing; in tables values are shown
/// for people (durations as 3d 4h, shares as percent, rate differences in percentage points).
/// </summary>
internal static class MonitorReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Report Build(MonitorResult result, MonitorSection sections, bool text, IReadOnlyDictionary<string, string> charts, bool workingTime = false)
        => Build(result, sections, new Style(text, workingTime), charts);

    private static Report Build(MonitorResult result, MonitorSection sections, Style text, IReadOnlyDictionary<string, string> charts)
    {
        var report = new Report();
        if (sections.HasFlag(MonitorSection.Periods))
        {
            report.Add(Periods(result));
        }

        if (sections.HasFlag(MonitorSection.Kpis))
        {
            var kpis = Kpis(result, text);
            if (text.WorkingTime)
            {
                kpis.Notes.Add("Durations are working time, shown in working hours.");
            }

            report.Add(kpis);
        }

        if (sections.HasFlag(MonitorSection.Mix) && result.Mix is not null)
        {
            report.Add(Mix(result));
            report.Add(Strata(result, text));
        }

        if (sections.HasFlag(MonitorSection.Trends))
        {
            report.Add(Charts(result, text, charts));
            if (charts.Count == 0 || sections == MonitorSection.All || !sections.HasFlag(MonitorSection.Kpis))
            {
                report.Add(Points(result, text));
            }
        }

        if (sections.HasFlag(MonitorSection.Conformance) && result.Conformance is not null)
        {
            Conformance(result, text, report);
        }

        if (sections.HasFlag(MonitorSection.Forecast) && result.Forecast.Count > 0)
        {
            report.Add(Forecast(result, text));
        }

        return report;
    }

    private static ResultRecord Periods(MonitorResult r)
    {
        var record = new ResultRecord("periods", r.ChangeDate is { } change ? $"Before and after the change of {change:yyyy-MM-dd HH:mm} UTC" : "Before and after the change (two logs)");
        record.Add("before_cases", r.Before.Cases, CellKind.Integer, "before: cases");
        record.Add("before_events", r.Before.Events, CellKind.Integer, "before: events");
        record.Add("before_from", r.Before.From.UtcDateTime, CellKind.Timestamp, "before: from");
        record.Add("before_to", r.Before.To.UtcDateTime, CellKind.Timestamp, "before: to");
        record.Add("after_cases", r.After.Cases, CellKind.Integer, "after: cases");
        record.Add("after_events", r.After.Events, CellKind.Integer, "after: events");
        record.Add("after_from", r.After.From.UtcDateTime, CellKind.Timestamp, "after: from");
        record.Add("after_to", r.After.To.UtcDateTime, CellKind.Timestamp, "after: to");
        if (r.ChangeDate is not null)
        {
            record.Add("change_date", r.ChangeDate.Value.UtcDateTime, CellKind.Timestamp, "change date");
            record.Add("settling_in_days", r.SettlingIn.TotalDays, CellKind.Number, "settling in (days)", 1);
            record.Add("left_out_settling", r.LeftOutSettling, CellKind.Integer, "cases left out (settling in)");
            record.Add("left_out_across", r.LeftOutAcross, CellKind.Integer, "cases left out (across the change)");
        }

        record.Add("confidence", r.Confidence, CellKind.Share, "confidence");
        record.Add("adjustment", AdjustmentName(r), label: "adjustment for many KPIs");
        record.Add("kpis_tested", r.Tested, CellKind.Integer, "KPIs tested");
        record.Add("first_contact_method", r.FirstContact switch
        {
            FirstContactMethod.Attribute => "an attribute that records it",
            FirstContactMethod.NoRepeatContact => "no repeat contact by the same customer",
            FirstContactMethod.OneHandlerNoRework => "a proxy: one participant throughout, no step repeated",
            _ => "not measured",
        }, label: "first-contact resolution from");
        return record;
    }

    private static ResultTable Kpis(MonitorResult r, Style text)
    {
        bool mix = r.Mix is not null;
        var columns = new List<ResultColumn>
        {
            new("name", CellKind.Text, "KPI"), new("key"), new("unit"),
            new("before", Kind(text)), new("after", Kind(text)), new("difference", Kind(text)),
            new("ci_low", Kind(text), $"{r.Confidence * 100:0}% low"), new("ci_high", Kind(text), $"{r.Confidence * 100:0}% high"),
            new("p_value", Kind(text), "p"), new("p_adjusted", Kind(text), "p adj."), new("verdict"),
            new("detectable_change", Kind(text), "detectable"), new("meaningful_change", Kind(text), "meaningful"),
            new("test"), new("n_before", CellKind.Integer, "n before"), new("n_after", CellKind.Integer, "n after"),
            new("after_low", Kind(text), "after low"), new("after_high", Kind(text), "after high"),
            new("target", Kind(text)), new("target_verdict", CellKind.Text, "target"), new("plan_baseline", Kind(text), "plan baseline"),
        };
        if (mix)
        {
            columns.AddRange([
                new("mix_adjusted_difference", Kind(text), "mix-adj. difference"), new("mix_ci_low", Kind(text), "mix-adj. low"), new("mix_ci_high", Kind(text), "mix-adj. high"),
                new("mix_p_adjusted", Kind(text), "mix-adj. p adj."), new("mix_verdict", CellKind.Text, "mix-adj. verdict"), new("change_source", CellKind.Text, "change from"),
            ]);
        }

        columns.Add(new("note"));
        if (text)
        {
            // The table for people keeps the columns that decide; CSV and JSON have every column.
            string[] keep = mix
                ? ["name", "before", "after", "difference", "ci_low", "ci_high", "p_adjusted", "verdict", "detectable_change", "mix_adjusted_difference", "mix_verdict", "change_source"]
                : ["name", "before", "after", "difference", "ci_low", "ci_high", "p_adjusted", "verdict", "detectable_change", "target_verdict"];
            columns = [.. keep.Select(k => columns.First(c => c.Key == k))];
        }

        var table = new ResultTable("kpis", columns, $"KPIs before and after ({r.Before.Cases:N0} cases before, {r.After.Cases:N0} after)");
        foreach (var k in r.Kpis)
        {
            var u = k.Unit;

            // A change and its interval in one unit, that of the largest of the three ("-1.9 d", "-3.3 d", "-0.4 d").
            double change = Largest(k.Difference, k.Low, k.High);
            double mixChange = k.Mix is { } m0 ? Largest(m0.Difference, m0.Low, m0.High) : 0;
            var values = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = k.Name,
                ["key"] = k.Key,
                ["unit"] = UnitName(u),
                ["before"] = V(k.Before, u, text),
                ["after"] = V(k.After, u, text),
                ["difference"] = D(k.Difference, u, text, change),
                ["ci_low"] = D(k.Low, u, text, change),
                ["ci_high"] = D(k.High, u, text, change),
                ["p_value"] = P(k.PValue, text),
                ["p_adjusted"] = P(k.AdjustedPValue, text),
                ["verdict"] = text ? (k.CutShort ? "withheld: cases cut short" : VerdictWords.Of(k.Verdict, k.Low, k.High, r.Tested)) : VerdictWords.Of(k.Verdict),
                ["detectable_change"] = D(k.DetectableChange, u, text),
                ["meaningful_change"] = D(k.MeaningfulChange, u, text),
                ["test"] = k.Test,
                ["n_before"] = k.BeforeCount,
                ["n_after"] = k.AfterCount,
                ["after_low"] = V(k.AfterLow, u, text),
                ["after_high"] = V(k.AfterHigh, u, text),
                ["target"] = k.Kpi.Target is { } t ? V(t, u, text) : null,
                ["target_verdict"] = k.Target is { } tv ? TargetName(tv) : null,
                ["plan_baseline"] = k.Kpi.Baseline is { } b ? V(b, u, text) : null,
                ["mix_adjusted_difference"] = k.Mix is { } m1 ? D(m1.Difference, u, text, mixChange) : null,
                ["mix_ci_low"] = k.Mix is { } m2 ? D(m2.Low, u, text, mixChange) : null,
                ["mix_ci_high"] = k.Mix is { } m3 ? D(m3.High, u, text, mixChange) : null,
                ["mix_p_adjusted"] = k.Mix is { } m4 ? P(m4.AdjustedPValue, text) : null,
                ["mix_verdict"] = k.Mix is { } m5 ? VerdictWords.Of(m5.Verdict) : null,
                ["change_source"] = k.Mix is { } m6 ? m6.Source.ToString().ToLowerInvariant() : null,
                ["note"] = k.Note,
            };
            table.Add([.. table.Columns.Select(c => values[c.Key])]);
        }

        table.Notes.Add($"Difference = after - before; {AdjustmentName(r)} across the {r.Tested} KPIs tested; a change is reported when the adjusted p is below {1 - r.Confidence:0.##}, 'no detectable change' when the interval stays within the meaningful change, 'undecided' when it does not.");
        if (text)
        {
            table.Notes.Add("Rate differences are in percentage points (pp). 'detectable' is the smallest change the data could have detected (80% power by default).");
            foreach (var k in r.Kpis.Where(k => k.Verdict == Verdict.NotMeasured && k.Note is not null))
            {
                table.Notes.Add($"{k.Name}: not measured: {k.Note}.");
            }

            foreach (var k in r.Kpis.Where(k => !k.CutShort && VerdictWords.ClearOnlyAlone(k.Verdict, k.Low, k.High, r.Tested)))
            {
                table.Notes.Add($"{k.Name}: its {r.Confidence * 100:0}% interval leaves out zero on its own (p = {Pv(k.PValue)}), but not once the {r.Tested} KPIs tested together are allowed for (adjusted p = {Pv(k.AdjustedPValue)}), so it is not counted as a change.");
            }
        }

        table.Notes.AddRange(r.Notes);
        return table;
    }

    private static ResultTable Mix(MonitorResult r)
    {
        var mix = r.Mix!;
        var table = new ResultTable("mix",
        [
            new("stratum", CellKind.Text, mix.By), new("before_cases", CellKind.Integer, "before"), new("after_cases", CellKind.Integer, "after"),
            new("before_share", CellKind.Share, "before share"), new("after_share", CellKind.Share, "after share"),
            new("before_volume", CellKind.Number, "before per interval", 1), new("after_volume", CellKind.Number, "after per interval", 1),
        ], $"Mix of cases by {mix.By}");
        foreach (var s in mix.Strata)
        {
            table.Add(s.Stratum, s.BeforeCases, s.AfterCases, s.BeforeShare, s.AfterShare, Finite(s.BeforeVolume), Finite(s.AfterVolume));
        }

        table.Notes.Add(double.IsNaN(mix.PValue)
            ? "The mix cannot be tested: fewer than two values have cases."
            : string.Create(Invariant, $"Chi-square {mix.ChiSquare:0.##} on {mix.DegreesOfFreedom:0} degrees of freedom, p = {Pv(mix.PValue)}: the mix {(mix.Changed ? "changed" : "shows no significant change")}."));
        table.Notes.Add("Mix-adjusted changes weight each value's change by its share of the before cases (direct standardisation); 'change from: mix' means the raw change vanishes within the values.");
        return table;
    }

    private static ResultTable Strata(MonitorResult r, Style text)
    {
        var table = new ResultTable("strata",
        [
            new("key", CellKind.Text, "KPI"), new("stratum", CellKind.Text, r.Mix!.By), new("n_before", CellKind.Integer, "n before"), new("n_after", CellKind.Integer, "n after"),
            new("before", Kind(text)), new("after", Kind(text)), new("difference", Kind(text)), new("ci_low", Kind(text), "low"), new("ci_high", Kind(text), "high"),
            new("p_value", Kind(text), "p (unadj.)"), new("weight", CellKind.Share),
        ], "Each KPI's change within each value");
        foreach (var k in r.Kpis)
        {
            foreach (var s in k.Strata)
            {
                double change = Largest(s.Difference, s.Low, s.High);
                table.Add(k.Key, s.Stratum, s.BeforeCount, s.AfterCount, V(s.Before, k.Unit, text), V(s.After, k.Unit, text), D(s.Difference, k.Unit, text, change), D(s.Low, k.Unit, text, change), D(s.High, k.Unit, text, change), P(s.PValue, text), s.Weight);
            }
        }

        return table;
    }

    private static ResultTable Charts(MonitorResult r, Style text, IReadOnlyDictionary<string, string> files)
    {
        var table = new ResultTable("charts",
        [
            new("key", CellKind.Text, "KPI"), new("chart"), new("points_before", CellKind.Integer, "points before"), new("points_after", CellKind.Integer, "points after"),
            new("centre_before", Kind(text), "centre before"), new("centre_after", Kind(text), "centre after"),
            new("signals_after", CellKind.Integer, "after points signalling vs before limits"), new("shift_signalled", CellKind.Boolean, "shift"), new("file"),
        ], $"Control charts by {(r.Trends.FirstOrDefault()?.Interval == TrendInterval.Day ? "day" : "week")}, limits recomputed after the change");
        foreach (var t in r.Trends)
        {
            table.Add(t.Key, t.Chart, t.Points.Count(p => p.Phase == TrendPhase.Before), t.Points.Count(p => p.Phase == TrendPhase.After),
                V(t.BeforeCentre, t.Unit, text), V(t.AfterCentre, t.Unit, text), t.Points.Count(p => p.BaselineSignals.Count > 0), t.ShiftSignalled, files.GetValueOrDefault(t.Key));
        }

        table.Notes.Add("Western Electric rules: beyond a 3-sigma limit, 2 of 3 beyond 2 sigma, 4 of 5 beyond 1 sigma, 8 on one side (and 6 trending); after the change they are checked against the before phase's limits (a shift) and within the after phase (stability).");
        return table;
    }

    private static ResultTable Points(MonitorResult r, Style text)
    {
        var table = new ResultTable("trend_points",
        [
            new("key", CellKind.Text, "KPI"), new("interval_start", CellKind.Text, "from"), new("phase"), new("value", Kind(text)), new("count", CellKind.Integer),
            new("centre", Kind(text)), new("lower", Kind(text)), new("upper", Kind(text)), new("signals"), new("signals_vs_before"),
        ], "Control-chart points");
        foreach (var t in r.Trends)
        {
            foreach (var p in t.Points)
            {
                table.Add(t.Key, p.Label, p.Phase.ToString().ToLowerInvariant(), V(p.Value, t.Unit, text), p.Count, V(p.Centre, t.Unit, text), V(p.Lower, t.Unit, text), V(p.Upper, t.Unit, text),
                    Rules(p.Signals), Rules(p.BaselineSignals));
            }
        }

        return table;
    }

    private static void Conformance(MonitorResult r, Style text, Report report)
    {
        var c = r.Conformance!;
        var checks = new ResultTable("conformance",
        [
            new("agreement"), new("before_share", CellKind.Share, "before"), new("after_share", CellKind.Share, "after"), new("after_cases", CellKind.Integer, "after: cases breaking"),
            new("difference", Kind(text)), new("ci_low", Kind(text), "low"), new("ci_high", Kind(text), "high"), new("examples"),
        ], "Conformance to what was agreed (share of cases breaking it)");
        foreach (var check in c.Checks)
        {
            checks.Add(check.Agreement, check.BeforeShare, check.AfterShare, check.AfterBreaking, D(check.Difference, KpiUnit.Share, text), D(check.Low, KpiUnit.Share, text), D(check.High, KpiUnit.Share, text),
                string.Join("; ", check.Examples.Select(e => $"{e.CaseId}: {e.Explanation}")));
        }

        if (c.Checks.Count == 0)
        {
            checks.Notes.Add("Nothing agreed was given (--removed-step, --mandatory-step, --agreed-order or a plan's 'agreed').");
        }

        checks.Notes.Add(string.Create(Invariant, $"{ReportWriter.FormatShare(c.NewVariantShare)} of the after cases follow a path (variant) never seen before the change; {c.NewPathCount:N0} step-to-step paths are new."));
        report.Add(checks);
        report.Add(Behaviour("new_steps", "Steps new after the change", c.NewSteps));
        report.Add(Behaviour("gone_steps", "Steps no longer seen after the change (cases before)", c.GoneSteps));
        report.Add(Behaviour("new_paths", "Paths new after the change, most frequent first", c.NewPaths));
    }

    private static ResultTable Behaviour(string name, string title, IReadOnlyList<NewBehaviour> items)
    {
        var table = new ResultTable(name, [new("step"), new("cases", CellKind.Integer), new("share", CellKind.Share), new("examples")], title);
        foreach (var item in items)
        {
            table.Add(item.Describe(), item.Cases, item.Share, string.Join(", ", item.Examples));
        }

        return table;
    }

    private static ResultTable Forecast(MonitorResult r, Style text)
    {
        var table = new ResultTable("forecast",
        [
            new("key", CellKind.Text, "KPI"), new("name", CellKind.Text, "what"), new("forecast_low", Kind(text), "forecast low"), new("forecast_high", Kind(text), "forecast high"),
            new("actual", Kind(text)), new("actual_low", Kind(text), "actual low"), new("actual_high", Kind(text), "actual high"), new("verdict"), new("note"),
        ], "Forecast against what happened" + (r.ForecastSource is { } s ? $" ({s})" : string.Empty));
        foreach (var f in r.Forecast)
        {
            var kpi = r.Kpis.FirstOrDefault(k => k.Key == f.Key);
            var unit = kpi?.Unit ?? KpiUnit.Money;
            bool change = f.Name.EndsWith("(change)", StringComparison.Ordinal);
            // The forecast, what happened and its interval in one unit, that of the largest of them.
            double largest = Largest(f.ForecastLow, f.ForecastHigh, f.Actual, f.ActualLow, f.ActualHigh);
            object? Show(double v) => change ? D(v, unit, text, largest) : V(v, unit, text, largest);
            table.Add(f.Key, f.Name, Show(f.ForecastLow), Show(f.ForecastHigh), Show(f.Actual), Show(f.ActualLow), Show(f.ActualHigh), ForecastName(f.Verdict), f.Note);
        }

        return table;
    }

    private static CellKind Kind(Style text) => text ? CellKind.Text : CellKind.Number;

    /// <summary>A value for people (text) or scripts (a number, null when missing).</summary>
    private static object? V(double value, KpiUnit unit, Style text)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        if (!text)
        {
            return value;
        }

        return unit switch
        {
            KpiUnit.Seconds => text.WorkingTime ? ReportWriter.FormatWorkingDuration(value) : ReportWriter.FormatDuration(value),
            KpiUnit.Share => (value * 100).ToString("0.0", Invariant) + "%",
            KpiUnit.CasesPerInterval => value.ToString("N1", Invariant),
            _ => value.ToString(Math.Abs(value) >= 1000 ? "N0" : "N2", Invariant),
        };
    }

    /// <summary>The largest finite magnitude among figures written side by side (a change and its interval), whose unit
    /// they are all written in; 0 when none is finite.</summary>
    internal static double Largest(params ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        return largest;
    }

    /// <summary>A value for people written beside others in one unit: a duration in the unit that suits
    /// <paramref name="largest"/>, the largest magnitude among them (see <see cref="DurationIn"/>); other units as
    /// <see cref="V(double, KpiUnit, Style)"/>.</summary>
    private static object? V(double value, KpiUnit unit, Style text, double largest)
        => text && unit == KpiUnit.Seconds && double.IsFinite(value) ? DurationIn(value, largest, text.WorkingTime, signed: false) : V(value, unit, text);

    /// <summary>A change for people written beside others in one unit (its interval): a duration signed, in the unit
    /// that suits <paramref name="largest"/>; other units as <see cref="D(double, KpiUnit, Style)"/>.</summary>
    private static object? D(double value, KpiUnit unit, Style text, double largest)
        => text && unit == KpiUnit.Seconds && double.IsFinite(value) ? DurationIn(value, largest, text.WorkingTime, signed: true) : D(value, unit, text);

    /// <summary>A duration in the one unit chosen for the largest magnitude it is written beside: days from two days,
    /// hours from two hours, minutes below (working time in hours from two hours, a working day having no fixed
    /// length), one decimal: -44.9 hours beside -3.3 days reads "-1.9 d"; a figure much smaller than the unit keeps two
    /// significant places ("0.007 d") rather than reading as nothing.</summary>
    internal static string DurationIn(double seconds, double largest, bool workingTime, bool signed)
    {
        double a = Math.Max(Math.Abs(seconds), Math.Abs(largest));
        var (per, name) = a >= 2 * 86400 && !workingTime ? (86400.0, " d") : a >= 2 * 3600 ? (3600.0, " h") : (60.0, " min");
        double x = seconds / per;
        string text = x.ToString(Math.Abs(x) is > 0 and < 0.05 ? "0.0##" : "0.0", Invariant) + name;
        return signed && x > 0 ? "+" + text : text;
    }

    /// <summary>A difference: as a value, except rates in percentage points.</summary>
    private static object? D(double value, KpiUnit unit, Style text)
        => text && unit == KpiUnit.Share && double.IsFinite(value) ? (value * 100).ToString("+0.0;-0.0;0.0", Invariant) + " pp" : V(value, unit, text);

    private static object? P(double p, Style text) => !double.IsFinite(p) ? null : text ? Pv(p) : p;

    private static string Pv(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", Invariant);

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string Rules(IReadOnlyList<ControlRule> rules) => string.Join(", ", rules.Select(r => r switch
    {
        ControlRule.BeyondLimits => "beyond limit",
        ControlRule.TwoOfThreeBeyondTwoSigma => "2 of 3 beyond 2 sigma",
        ControlRule.FourOfFiveBeyondOneSigma => "4 of 5 beyond 1 sigma",
        ControlRule.EightOnOneSide => "8 on one side",
        _ => "6 trending",
    }));

    private static string UnitName(KpiUnit unit) => unit switch
    {
        KpiUnit.Seconds => "seconds",
        KpiUnit.Share => "share",
        KpiUnit.CasesPerInterval => "cases per interval",
        KpiUnit.PerCase => "per case",
        KpiUnit.Money => "money",
        KpiUnit.Score => "score",
        _ => "number",
    };

    private static string TargetName(TargetVerdict verdict) => verdict switch
    {
        TargetVerdict.MetWithConfidence => "met",
        TargetVerdict.MissedWithConfidence => "missed",
        _ => "undecided",
    };

    private static string ForecastName(ForecastVerdict verdict) => verdict switch
    {
        ForecastVerdict.AsForecast => "as forecast",
        ForecastVerdict.CannotTell => "cannot tell yet (fits the forecast and no change)",
        ForecastVerdict.BetterThanForecast => "better than forecast",
        ForecastVerdict.ShortOfForecast => "short of forecast",
        ForecastVerdict.OutsideForecast => "outside the forecast",
        _ => "not measured",
    };

    private static string AdjustmentName(MonitorResult r) => r.Adjustment switch
    {
        Stepwise.Statistics.Inference.Adjustment.Holm => "Holm's adjustment (family-wise error)",
        Stepwise.Statistics.Inference.Adjustment.BenjaminiHochberg => "Benjamini-Hochberg adjustment (false discovery rate)",
        _ => "no adjustment",
    };

    /// <summary>Values for people (text) or for scripts; durations of working time in working hours.</summary>
    private readonly record struct Style(bool Text, bool WorkingTime)
    {
        public static implicit operator bool(Style style) => style.Text;
    }
}
