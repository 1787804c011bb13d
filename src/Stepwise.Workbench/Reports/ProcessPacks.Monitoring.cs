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
        var shown = (brief
            ? run.Kpis.Where(k => k.PlanKpi is not null || k.Verdict is ChangeVerdict.Improved or ChangeVerdict.Worse).OrderBy(k => k.PlanKpi is null ? 1 : 0).Take(most)
            : run.Kpis).ToList();
        if (shown.Count == 0)
        {
            shown = [.. measured.Take(Math.Min(most, 4))];
        }

        var rows = shown.Select(k => (IReadOnlyList<TableCell>)[
            k.Name,
            Shown(k.Before, k),
            Shown(k.After, k),
            k.Difference is null ? TableCell.Empty : $"{Signed(k.Difference, k)} ({Signed(k.Low, k)} to {Signed(k.High, k)})",
            Verdict(k),
        ]).ToList();
        string confidence = N(run.Settings.Confidence * 100);
        var blocks = new List<ReportBlock>
        {
            new TableBlock(new ReportTable(
                $"KPIs before and after the change: {Period(run.Before)} ({N(run.Before.Cases)} cases) against {Period(run.After)} ({N(run.After.Cases)} cases); change with its {confidence}% interval",
                [TableColumn.Text("KPI"), TableColumn.Text("Before"), TableColumn.Text("After"), TableColumn.Text($"Change ({confidence}% interval)"), TableColumn.Text("Verdict")],
                rows)),
        };
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
        string adjusted = $"p-values adjusted for {N(run.Tested)} KPIs tested together ({run.Settings.Adjustment.Replace('_', '-')})";
        blocks.Add(new Note(brief ? $"Data: {data}; {adjusted}." : $"Monitored on {Day(run.At)} by {run.By}: {data}. {adjusted}."));
        return new ReportSection("Did the change work?", blocks) { Message = WorkedMessage(run, measured) };
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
    private static string Verdict(KpiOutcome k)
    {
        string verdict = MonitoringWords.Verdict(k.Verdict);
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

        // The improvements are named (up to two); the table names the rest, so the headline stays one or two lines.
        string Names(List<KpiOutcome> list) => list.Count > 2 ? string.Empty : " (" + string.Join(", ", list.Select(k => k.Name.ToLowerInvariant())) + ")";
        string better = improved.Count == 0 ? "No KPI improved clearly" : $"{improved.Count} of {measured.Count} KPIs improved clearly{since}{Names(improved)}";
        return worse.Count == 0 ? better + "; none got worse." : $"{better}; {worse.Count} got worse.";
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
