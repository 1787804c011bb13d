using Stepwise.Review.Monitoring;
using Stepwise.Workbench;
using Stepwise.Workbench.Monitoring;

namespace Stepwise.Web.Stages;

/// <summary>
/// The words a monitoring run's KPIs are shown with on the pages: a value with what it counts per (money with the
/// currency of the rates, cases with the week or day they arrive in), and the tally of the verdicts, every verdict
/// counted so that the tally adds up to the KPIs shown.
/// </summary>
public static class KpiWords
{
    private static readonly ChangeVerdict[] Order =
        [ChangeVerdict.Improved, ChangeVerdict.Worse, ChangeVerdict.Increased, ChangeVerdict.Decreased, ChangeVerdict.NoDetectableChange, ChangeVerdict.Undecided, ChangeVerdict.NotMeasured];

    /// <summary>
    /// <paramref name="text"/> (a value, change or interval written by <see cref="MonitoringWords"/>) with its unit where
    /// the number alone does not say it: the currency for money, "a week" or "a day" for cases arriving.
    /// </summary>
    public static string In(string text, string unit, MonitoringRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (text == "–")
        {
            return text;
        }

        return unit switch
        {
            "money" when run.Settings.Currency is { } currency => $"{text} {currency}",
            "cases_per_interval" => $"{text} a {(run.Settings.Interval == "day" ? "day" : "week")}",
            _ => text,
        };
    }

    /// <summary>
    /// How many KPIs got each verdict, e.g. "2 KPIs improved, 3 worse, 1 decreased, 5 with no detectable change":
    /// only the verdicts given, in a fixed order, so the counts add up to the KPIs of the run.
    /// </summary>
    public static string Tally(IReadOnlyList<KpiOutcome> kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var parts = new List<string>();
        foreach (var verdict in Order)
        {
            int n = kpis.Count(k => k.Verdict == verdict);
            if (n == 0)
            {
                continue;
            }

            string count = parts.Count == 0 ? Counted.Of(n, "KPI", "KPIs") : n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            parts.Add(verdict == ChangeVerdict.NoDetectableChange ? $"{count} with no detectable change" : $"{count} {MonitoringWords.Verdict(verdict)}");
        }

        return parts.Count == 0 ? "no KPI measured" : string.Join(", ", parts);
    }

    /// <summary>
    /// How the p-values were adjusted for testing several KPIs at once, named as a reader can look it up:
    /// "p-values adjusted by Holm's method across 12 KPIs".
    /// </summary>
    public static string Adjustment(string adjustment, int tested)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        string kpis = Counted.Of(tested, "KPI", "KPIs");
        return adjustment switch
        {
            "holm" => $"p-values adjusted by Holm's method across {kpis}",
            "benjamini_hochberg" => $"p-values adjusted by the Benjamini-Hochberg method (false discovery rate) across {kpis}",
            "none" => $"p-values not adjusted for testing {kpis} at once",
            _ => $"p-values adjusted by {adjustment.Replace('_', '-')} across {kpis}",
        };
    }
}
