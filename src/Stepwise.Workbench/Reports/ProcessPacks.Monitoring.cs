using Stepwise.Review.Monitoring;
using Stepwise.Reports;
using Stepwise.Workbench.Monitoring;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

internal static partial class ProcessPacks
{
    /// <summary>
    /// Did the change work? The review's latest monitoring run: each KPI before and after the change with the change's
    /// interval and its verdict, in the words the Monitor page uses. Brief (the board paper): the plan's KPIs and those
    /// that changed clearly, at most <paramref name="most"/>; otherwise every KPI, and the control charts of the plan's
    /// KPIs across the change.
    /// </summary>
    internal static ReportSection? DidItWork(ProcessFacts f, bool brief, int most = int.MaxValue)
    {
        if (f.MonitoringRun?.Value is not { } run || run.Kpis.Count == 0)
        {
            return null;
        }

        var measured = run.Kpis.Where(k => k.Verdict != ChangeVerdict.NotMeasured).ToList();
        // Brief: the plan's KPIs, then those the headline names (clear improvements, then clear deteriorations), so that
        // every KPI the headline names is in the table.
        var shown = (brief
            ? run.Kpis.Where(k => k.PlanKpi is not null)
                .Concat(run.Kpis.Where(k => k.PlanKpi is null && k.Verdict == ChangeVerdict.Improved))
                .Concat(run.Kpis.Where(k => k.PlanKpi is null && k.Verdict == ChangeVerdict.Worse))
                .Take(most)
            : run.Kpis).ToList();
        if (shown.Count == 0)
        {
            shown = [.. measured.Take(Math.Min(most, 4))];
        }

        var rows = shown.Select(k => (IReadOnlyList<TableCell>)[
            k.Name,
            Shown(k.Before, k),
            Shown(k.After, k),
            k.Difference is null ? TableCell.Empty : brief ? Compact(k) : $"{Signed(k.Difference, k)} ({Signed(k.Low, k)} to {Signed(k.High, k)})",
            Verdict(k, run),
        ]).ToList();
        string confidence = N(run.Settings.Confidence * 100);
        string which = shown.Count < run.Kpis.Count
            ? $"{shown.Count} of {run.Kpis.Count} KPIs (all in the team leaders' briefing)"
            : "KPIs before and after the change";
        var blocks = new List<ReportBlock>
        {
            new TableBlock(new ReportTable(
                brief
                    ? $"{which}: cases started {Period(run.Before)} ({N(run.Before.Cases)} cases) against {Period(run.After)} ({N(run.After.Cases)} cases)"
                    : $"{which}: cases that started {Period(run.Before)} ({N(run.Before.Cases)} cases) against {Period(run.After)} ({N(run.After.Cases)} cases); change with its {confidence}% interval",
                [TableColumn.Text("KPI"), TableColumn.Text("Before"), TableColumn.Text("After"), TableColumn.Text($"Change ({confidence}% interval)"), TableColumn.Text("Verdict")],
                rows)),
        };
        var worseHidden = measured.Where(k => k.Verdict == ChangeVerdict.Worse && !shown.Contains(k)).ToList();
        if (brief && worseHidden.Count > 0)
        {
            // The headline counts the KPIs that got worse; those the table has no room for are named here, in one line.
            blocks.Add(new Note($"Got worse: {string.Join("; ", worseHidden.Select(Moved))}.", IsWarning: true));
        }

        string apart = string.Join(" ", shown.Where(k => ClearAlone(k, run)).Select(k => ClearAloneText(k, run, withP: !brief)));
        if (!brief && apart.Length > 0)
        {
            blocks.Add(new Note(apart));
        }

        if (!brief)
        {
            blocks.Add(new BulletList([.. shown.Where(k => k.Verdict != ChangeVerdict.NotMeasured).Select(k => $"{k.Name}: {MonitoringWords.Sentence(k)}")]));
            var plan = run.Trends.Where(t => run.Kpis.Any(k => k.Key == t.Key && k.PlanKpi is not null)).ToList();
            foreach (var trend in (plan.Count > 0 ? plan : run.Trends.Take(2)).Where(t => t.Points.Count > 1))
            {
                blocks.Add(new ChartBlock(MonitoringRecords.Chart(trend)));
            }
        }

        string data = run.ChangeDate is { } date
            ? $"{run.Before.DataFile} split at the change on {Day(date)}{(run.Settings.SettlingInDays > 0 ? $", {N(run.Settings.SettlingInDays)} days left out to settle in" : string.Empty)}"
            : $"{run.Before.DataFile} before and {run.After.DataFile} after";
        blocks.Add(new Note(brief
            ? (apart.Length > 0 ? apart : $"Data: {data}; {Adjusted(run, brief)}")
            : $"Monitored on {Day(run.At)} by {run.By}: {data}. {Adjusted(run, brief)}"));
        return new ReportSection("Did the change work?", blocks) { Message = WorkedMessage(run, measured) };
    }

    /// <summary>A KPI's move in words: "cases reopened rose from 2.1% to 3.4%".</summary>
    private static string Moved(KpiOutcome k)
    {
        string verb = k.Difference is > 0 ? "rose" : k.Difference is < 0 ? "fell" : "moved";
        return $"{k.Name} {verb} from {Shown(k.Before, k)} to {Shown(k.After, k)}";
    }

    /// <summary>A change and its interval with the unit once, "−1.9 d (−3.3 to −0.4)", for a narrow column.</summary>
    private static string Compact(KpiOutcome k)
    {
        string change = Signed(k.Difference, k), low = Signed(k.Low, k), high = Signed(k.High, k);
        int space = change.LastIndexOf(' ');
        string unit = space > 0 ? change[space..] : string.Empty;
        bool shared = unit.Length > 0 && low.EndsWith(unit, StringComparison.Ordinal) && high.EndsWith(unit, StringComparison.Ordinal);
        return shared ? $"{change} ({low[..^unit.Length]} to {high[..^unit.Length]})" : $"{change} ({low} to {high})";
    }

    /// <summary>How the KPIs tested together are allowed for, in plain words.</summary>
    private static string Adjusted(MonitoringRun run, bool brief)
    {
        string text = Method(run) is { } method
            ? $"a change is clear only if it stands once we allow for testing {N(run.Tested)} KPIs at once ({method}){(brief ? string.Empty : ", so that no KPI looks changed by chance")}."
            : $"{N(run.Tested)} KPIs were tested, each on its own (no allowance for testing them together).";
        return brief ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The allowance for testing the KPIs together, by name; null when there is none.</summary>
    private static string? Method(MonitoringRun run) => run.Settings.Adjustment switch
    {
        "holm" => "Holm's method",
        "benjamini_hochberg" => "Benjamini and Hochberg's false discovery rate",
        _ => null,
    };

    /// <summary>Whether the KPI's interval leaves out no change while its verdict is no clear change (see
    /// <see cref="MonitoringWords.ClearOnlyAlone"/>).</summary>
    private static bool ClearAlone(KpiOutcome k, MonitoringRun run) => MonitoringWords.ClearOnlyAlone(k, run.Tested);

    /// <summary>Why a KPI whose interval leaves out no change is not called changed, in plain words.</summary>
    private static string ClearAloneText(KpiOutcome k, MonitoringRun run, bool withP)
    {
        string interval = $"{Signed(k.Low, k)} to {Signed(k.High, k)}";
        string alone = withP && k.PValue is { } raw ? $" (p = {MonitoringWords.PValue(raw)})" : string.Empty;
        string together = withP && k.AdjustedPValue is { } adjusted ? $" (p = {MonitoringWords.PValue(adjusted)})" : string.Empty;
        string small = k.Verdict == ChangeVerdict.NoDetectableChange && k.MeaningfulChange is { } m
            ? $"; even at its largest it is smaller than the {Signed(m, k).TrimStart('+')} that matters"
            : string.Empty;
        return withP
            ? $"{k.Name}: the {N(run.Settings.Confidence * 100)}% interval of the change ({interval}) leaves out zero on its own{alone}, but not once we allow for testing {N(run.Tested)} KPIs at once{together}, so it is not counted as a clear change{small}."
            : $"{k.Name}: its interval leaves out zero on its own, but not once we allow for testing {N(run.Tested)} KPIs at once{(Method(run) is { } method ? $" ({method})" : string.Empty)}, so it is not a clear change.";
    }

    /// <summary>A KPI's value for reading; durations all in the one unit that suits the KPI's before and after values,
    /// so a change and its interval read in the same unit.</summary>
    private static string Shown(double? value, KpiOutcome k) => value is not { } v ? "–" : k.Unit == "seconds"
        ? Charts.Measure.Duration(k.Name, TimeUnitOf(k)).Format(Charts.TimeUnits.FromSeconds(v, TimeUnitOf(k)))
        : MonitoringWords.Value(v, k.Unit);

    /// <summary>A signed change in the KPI's reading unit (shares in percentage points).</summary>
    private static string Signed(double? value, KpiOutcome k)
    {
        if (value is not { } v)
        {
            return "–";
        }

        string sign = v > 0 ? "+" : v < 0 ? "−" : string.Empty;
        return sign + (k.Unit == "share" ? N(Math.Abs(v) * 100, 1) + " pp" : Shown(Math.Abs(v), k));
    }

    private static Charts.TimeUnit TimeUnitOf(KpiOutcome k)
        => UnitFor(new[] { k.Before, k.After }.Where(v => v is not null).Select(v => Math.Abs(v!.Value)).DefaultIfEmpty(0).Max());

    /// <summary>The verdict in a few words, with the target's where there is one.</summary>
    private static string Verdict(KpiOutcome k, MonitoringRun run)
    {
        string verdict = ClearAlone(k, run) ? $"not clear allowing for {N(run.Tested)} KPIs (see the note)" : MonitoringWords.Verdict(k.Verdict);
        return k.TargetVerdict is { } target && k.Target is { } t
            ? $"{verdict}; target {Shown(t, k)} {(target == "undecided" ? "too close to tell" : target)}"
            : verdict;
    }

    /// <summary>One sentence from the verdicts: it never claims a change the intervals do not support.</summary>
    private static string WorkedMessage(MonitoringRun run, IReadOnlyList<KpiOutcome> measured)
    {
        if (measured.Count == 0)
        {
            return "The monitoring could not measure any KPI yet.";
        }

        var improved = measured.Where(k => k.Verdict == ChangeVerdict.Improved).ToList();
        var worse = measured.Where(k => k.Verdict == ChangeVerdict.Worse).ToList();
        string since = run.ChangeDate is { } d ? $" since the change on {Day(d)}" : " after the change";
        if (improved.Count == 0 && worse.Count == 0)
        {
            return $"No KPI changed clearly for the better or worse{since}: every {N(run.Settings.Confidence * 100)}% interval includes no change or is too wide to tell.";
        }

        // The changes are named (up to two of each); the table names the rest, so the headline stays one or two lines.
        // The count is of the KPIs measured, said so, as a board paper's table shows only some of them.
        string Names(List<KpiOutcome> list) => list.Count > 2 ? string.Empty : " (" + string.Join(", ", list.Select(k => k.Name.ToLowerInvariant())) + ")";
        string better = improved.Count == 0 ? $"Of the {measured.Count} KPIs measured{since}, none improved clearly" : $"Of the {measured.Count} KPIs measured{since}, {improved.Count} improved clearly{Names(improved)}";
        return worse.Count == 0 ? better + "; none got worse." : $"{better}; {worse.Count} got worse{Names(worse)}.";
    }

    private static string Period(MonitoredPeriod p) => $"{p.From.UtcDateTime:yyyy-MM-dd} to {p.To.UtcDateTime:yyyy-MM-dd}";

    /// <summary>The monitoring run as one typed table for the workbook: every KPI with its values in a stated unit
    /// (durations in hours, shares as fractions), the change, its interval, the p-values and the verdicts.</summary>
    internal static ReportTable MonitoringTable(MonitoringRun run)
    {
        string confidence = N(run.Settings.Confidence * 100);
        var rows = run.Kpis.Select(k =>
        {
            var (unit, factor) = WorkbookUnit(k.Unit, run.Settings.Interval);
            TableCell V(double? v) => v is { } x ? TableCell.Of(x * factor) : TableCell.Empty;
            return (IReadOnlyList<TableCell>)[
                k.Name, k.Key, unit, k.PlanKpi, V(k.Before), V(k.After), V(k.Difference), V(k.Low), V(k.High), Num(k.PValue), Num(k.AdjustedPValue), k.Test,
                MonitoringWords.Verdict(k.Verdict), V(k.MeaningfulChange), V(k.DetectableChange), V(k.Target), k.TargetVerdict, k.BeforeCount, k.AfterCount, k.ChangeFrom, k.Note];
        }).ToList();
        return new ReportTable(
            $"Monitoring of the change: {Period(run.Before)} against {Period(run.After)}; values in the unit of their row (durations in hours, shares as fractions 0 to 1); {confidence}% intervals",
            [
                TableColumn.Text("KPI"), TableColumn.Text("Key"), TableColumn.Text("Unit"), TableColumn.Text("Plan KPI"),
                TableColumn.Number("Before", 4), TableColumn.Number("After", 4), TableColumn.Number("Difference (after − before)", 4),
                TableColumn.Number($"Difference, lower {confidence}%", 4), TableColumn.Number($"Difference, upper {confidence}%", 4),
                TableColumn.Number("p", 4), TableColumn.Number("p, adjusted", 4), TableColumn.Text("Test"), TableColumn.Text("Verdict"),
                TableColumn.Number("Meaningful change", 4), TableColumn.Number("Detectable change", 4), TableColumn.Number("Target", 4), TableColumn.Text("Target verdict"),
                TableColumn.Count("Values before"), TableColumn.Count("Values after"), TableColumn.Text("Change from"), TableColumn.Text("Note"),
            ],
            rows);
    }

    /// <summary>The unit a KPI's base unit is written in on the workbook, and the factor from the base unit.</summary>
    private static (string Unit, double Factor) WorkbookUnit(string unit, string interval) => unit switch
    {
        "seconds" => ("hours", 1 / 3600.0),
        "share" => ("share (0 to 1)", 1),
        "cases_per_interval" => ($"cases a {interval}", 1),
        "per_case" => ("per case", 1),
        _ => (unit, 1),
    };
}
