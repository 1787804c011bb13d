using System.Globalization;
using Stepwise.Review.Monitoring;

namespace Stepwise.Workbench.Monitoring;

/// <summary>A monitoring run's figures and verdicts in plain words, the same on the command line, in the web app and in
/// reports: "improved, and the improvement is larger than the meaningful change (2.0 d)".</summary>
public static class MonitoringWords
{
    /// <summary>The verdict in one word or phrase: improved, worse, increased, decreased, no detectable change, undecided, not measured.</summary>
    public static string Verdict(ChangeVerdict verdict) => verdict switch
    {
        ChangeVerdict.Improved => "improved",
        ChangeVerdict.Worse => "worse",
        ChangeVerdict.Increased => "increased",
        ChangeVerdict.Decreased => "decreased",
        ChangeVerdict.NoDetectableChange => "no detectable change",
        ChangeVerdict.Undecided => "undecided",
        _ => "not measured",
    };

    /// <summary>What the verdict means for this KPI, in a sentence a director can repeat.</summary>
    public static string Sentence(KpiOutcome kpi) => Sentence(kpi, 1);

    /// <summary>Whether a KPI's own interval leaves out no change while its verdict is no clear change: clear on its
    /// own, but not once the KPIs tested together are allowed for (the verdict comes from the adjusted p-value).</summary>
    /// <param name="kpi">The KPI's outcome.</param>
    /// <param name="tested">How many KPIs the run tested together.</param>
    public static bool ClearOnlyAlone(KpiOutcome kpi, int tested)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return !kpi.CutShort && kpi.Verdict is ChangeVerdict.NoDetectableChange or ChangeVerdict.Undecided && tested > 1
            && kpi.Low is { } low && kpi.High is { } high && (low > 0 || high < 0);
    }

    /// <summary>The verdict for a table: "not clear allowing for 12 KPIs" where the KPI's own interval leaves out no
    /// change (see <see cref="ClearOnlyAlone"/>), otherwise <see cref="Verdict(ChangeVerdict)"/>.</summary>
    /// <param name="kpi">The KPI's outcome.</param>
    /// <param name="tested">How many KPIs the run tested together.</param>
    public static string Verdict(KpiOutcome kpi, int tested)
        => kpi?.CutShort == true ? Withheld : ClearOnlyAlone(kpi!, tested) ? $"not clear allowing for {tested} KPIs" : Verdict(kpi!.Verdict);

    /// <summary>The verdict of a KPI whose after cases the end of the data cut short.</summary>
    public const string Withheld = "withheld: cases cut short";

    /// <summary>What the verdict means for this KPI of a run that tested <paramref name="tested"/> KPIs together, in a
    /// sentence a director can repeat; where the KPI's own interval leaves out no change but the verdict is no clear
    /// change, it says so and why: "not a clear change once the 12 KPIs tested together are allowed for: …".</summary>
    /// <param name="kpi">The KPI's outcome.</param>
    /// <param name="tested">How many KPIs the run tested together.</param>
    public static string Sentence(KpiOutcome kpi, int tested)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (kpi.CutShort)
        {
            return "no verdict: the after cases were cut short by the end of the data, so this measure looks better for that reason alone; monitor again when they have had the time to finish";
        }

        string m = kpi.MeaningfulChange is { } mc ? $" ({Amount(mc, kpi.Unit)})" : string.Empty;
        bool beyond = kpi.MeaningfulChange is { } meaningful && kpi.Low is { } low && kpi.High is { } high && (low > meaningful || high < -meaningful);
        string sentence = ClearOnlyAlone(kpi, tested) ? AloneSentence(kpi, tested, m) : kpi.Verdict switch
        {
            ChangeVerdict.Improved => beyond
                ? $"improved, and the improvement is larger than the meaningful change{m}"
                : $"improved, but the improvement may be smaller than the meaningful change{m}",
            ChangeVerdict.Worse => beyond
                ? $"worse, and the deterioration is larger than the meaningful change{m}"
                : $"worse, though perhaps by less than the meaningful change{m}",
            ChangeVerdict.Increased or ChangeVerdict.Decreased => $"{Verdict(kpi.Verdict)} ({(beyond ? "by more" : "perhaps by less")} than the meaningful change{m}); neither direction is better",
            ChangeVerdict.NoDetectableChange => $"no detectable change: the interval rules out any change as large as the meaningful change{m}",
            ChangeVerdict.Undecided => $"undecided: the data cannot rule out a change as large as the meaningful change{m}"
                + (kpi.DetectableChange is { } d ? $"; they could detect a change of {Amount(d, kpi.Unit)} or more" : string.Empty),
            _ => "not measured" + (kpi.Note is { } note ? ": " + note : string.Empty),
        };
        if (kpi.TargetVerdict is { } target && kpi.Target is { } t)
        {
            sentence += target switch
            {
                "met" => $". Target {Value(t, kpi.Unit)} met with confidence",
                "missed" => $". Target {Value(t, kpi.Unit)} missed with confidence",
                _ => $". Target {Value(t, kpi.Unit)}: too close to tell",
            };
        }

        if (kpi.ChangeFrom == "mix")
        {
            sentence += ". The change comes from the mix of cases, not the process";
        }

        return sentence + ".";
    }

    /// <summary>A KPI whose own interval leaves out no change, not clear once the KPIs tested together are allowed for.</summary>
    private static string AloneSentence(KpiOutcome kpi, int tested, string meaningful)
    {
        string alone = kpi.PValue is { } p ? $" (p = {PValue(p)})" : string.Empty;
        string together = kpi.AdjustedPValue is { } q ? $" (p = {PValue(q)})" : string.Empty;
        string size = kpi.Verdict == ChangeVerdict.NoDetectableChange
            ? $"; even at its largest the change is smaller than the meaningful change{meaningful}"
            : $"; the data cannot rule out a change as large as the meaningful change{meaningful}";
        return $"not a clear change once the {tested} KPIs tested together are allowed for: its interval ({Interval(kpi.Low, kpi.High, kpi.Unit, Largest(kpi.Difference, kpi.Low, kpi.High))}) leaves out zero on its own{alone}, but not once the {tested} are allowed for{together}{size}";
    }

    /// <summary>A value in its unit for people: durations in minutes, hours or days, shares in percent.</summary>
    public static string Value(double? value, string unit) => value is not { } v ? "–" : unit switch
    {
        "seconds" => Duration(v),
        "share" => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        "cases_per_interval" => v.ToString("N1", CultureInfo.InvariantCulture),
        "money" => v.ToString("N2", CultureInfo.InvariantCulture),
        _ => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>A signed change in its unit (shares in percentage points).</summary>
    public static string Change(double? value, string unit) => value is not { } v ? "–" : (v > 0 ? "+" : v < 0 ? "−" : string.Empty) + Amount(Math.Abs(v), unit);

    /// <summary>An interval of changes, e.g. "−3.1 d to −0.4 d"; one value when both ends read the same (a forecast
    /// given without an interval).</summary>
    public static string Interval(double? low, double? high, string unit)
    {
        if (low is null || high is null)
        {
            return "–";
        }

        string from = Change(low, unit), to = Change(high, unit);
        return from == to ? from : $"{from} to {to}";
    }

    /// <summary>The largest magnitude among figures written side by side (a change and its interval, a forecast and
    /// what happened), for <see cref="Value(double?, string, double)"/>, <see cref="Change(double?, string, double)"/>
    /// and <see cref="Interval(double?, double?, string, double)"/> to write them all in one unit; 0 when none is known.</summary>
    public static double Largest(params ReadOnlySpan<double?> values)
    {
        double largest = 0;
        foreach (var value in values)
        {
            if (value is { } v && double.IsFinite(v))
            {
                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        return largest;
    }

    /// <summary>A value in the unit chosen for <paramref name="largest"/>, the largest magnitude it is written beside:
    /// a duration of 44.9 hours beside one of 3.3 days reads "1.9 d". Units other than durations read as
    /// <see cref="Value(double?, string)"/>.</summary>
    public static string Value(double? value, string unit, double largest)
        => value is { } v && unit == "seconds" ? Duration(v, largest) : Value(value, unit);

    /// <summary>A signed change in the unit chosen for <paramref name="largest"/> (see <see cref="Value(double?, string, double)"/>).</summary>
    public static string Change(double? value, string unit, double largest)
        => value is { } v && unit == "seconds" ? (v > 0 ? "+" : v < 0 ? "−" : string.Empty) + Duration(Math.Abs(v), largest) : Change(value, unit);

    /// <summary>An interval of changes with both ends in the unit chosen for <paramref name="largest"/>: "−3.3 d to
    /// −0.4 d", never "−3.3 d to −9.9 h"; one value when both ends read the same.</summary>
    public static string Interval(double? low, double? high, string unit, double largest)
    {
        if (low is null || high is null)
        {
            return "–";
        }

        string from = Change(low, unit, largest), to = Change(high, unit, largest);
        return from == to ? from : $"{from} to {to}";
    }

    /// <summary>A p-value as statisticians write it.</summary>
    public static string PValue(double? p)
    {
        if (p is not { } v)
        {
            return "–";
        }

        if (v < 0.001)
        {
            return "< 0.001";
        }

        // Three decimals, or more where three would round a p-value to the 0.05 level it is tested against (0.0496
        // printed as 0.050 beside "improved" reads as a mistake).
        int decimals = 3;
        while (decimals < 6 && v != 0.05 && Math.Round(v, decimals) == 0.05)
        {
            decimals++;
        }

        return v.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    private static string Amount(double v, string unit) => unit == "share" ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pp" : Value(v, unit);

    private static string Duration(double seconds)
    {
        double a = Math.Abs(seconds);
        return a >= 2 * 86400 ? (seconds / 86400).ToString("0.0", CultureInfo.InvariantCulture) + " d"
            : a >= 2 * 3600 ? (seconds / 3600).ToString("0.0", CultureInfo.InvariantCulture) + " h"
            : (seconds / 60).ToString("0.0", CultureInfo.InvariantCulture) + " min";
    }

    // A duration in the unit its largest neighbour is written in; a figure much smaller than that unit keeps two
    // significant places ("0.012 d") rather than reading as nothing ("0.0 d").
    private static string Duration(double seconds, double largest)
    {
        double a = Math.Max(Math.Abs(seconds), Math.Abs(largest));
        var (per, name) = a >= 2 * 86400 ? (86400.0, " d") : a >= 2 * 3600 ? (3600.0, " h") : (60.0, " min");
        double x = seconds / per;
        return x.ToString(Math.Abs(x) is > 0 and < 0.05 ? "0.0##" : "0.0", CultureInfo.InvariantCulture) + name;
    }
}
