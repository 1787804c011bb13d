using System.Globalization;
using Stepwise.Charts;
using Stepwise.Review.Quality;
using Stepwise.Reports;
using Stepwise.Workbench.Quality;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

/// <summary>The trend over the responses' own dates: the outcome share and the mean overall score per period with
/// their intervals, each on its own chart, and the latest periods tested against the earlier ones.</summary>
internal static partial class QualityPacks
{
    /// <summary>The trend of the latest analysis by the responses' dates; without a date column, said plainly (the
    /// dates the analyses were run say nothing of when customers were served).</summary>
    private static ReportSection Trend(QualityContents c, QualityAnalysis a)
    {
        if (a.Periods.Count == 0)
        {
            string why = a.Trend.Count > 0
                ? $"The analysis '{a.Title}' was recorded before trends by the responses' dates were kept: analyse the file again to see them."
                : $"The responses of '{a.Title}' have no date column, so no trend over time can be shown. Name the date column (and its format) when the feedback is analysed to see results by month or quarter.";
            return new ReportSection("The trend", [new Paragraph(why)]) { Message = "No trend: the responses are not dated." };
        }

        string grain = a.PeriodGrain ?? "period";
        string grainTitle = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(grain);
        string level = N(a.Confidence * 100);
        var labels = a.Periods.Select(p => p.Period).ToList();
        var blocks = new List<ReportBlock>();
        if (a.PeriodOutcome is { } outcome && a.Periods.Any(p => p.Outcome is not null))
        {
            blocks.Add(new ChartBlock(new TrendChart
            {
                Title = $"{outcome}: share per {grain}",
                Subtitle = $"By {a.DateColumn ?? "the response date"}, each {grain} with its {level}% interval (Wilson)",
                Value = Charts.Measure.Percent($"{outcome} (yes)", 0),
                Periods = labels,
                Series = [Series(outcome, a.Periods.Select(p => p.Outcome).ToList())],
                PeriodName = grainTitle,
                StartAtZero = true,
            }));
        }

        if (a.PeriodOverall is { } overall && a.Periods.Any(p => p.Overall is not null))
        {
            blocks.Add(new ChartBlock(new TrendChart
            {
                Title = $"Mean {overall} per {grain}",
                Subtitle = $"By {a.DateColumn ?? "the response date"}, each {grain} with its {level}% interval (t)",
                Value = Charts.Measure.Number($"Mean {overall}", "score", 1),
                Periods = labels,
                Series = [Series("Mean " + overall, a.Periods.Select(p => p.Overall).ToList())],
                PeriodName = grainTitle,
            }));
        }

        var shareOf = Charts.Measure.Percent("share", 1);
        string Interval(PeriodEstimate? e, bool share) => e is null || !double.IsFinite(e.Lower) || !double.IsFinite(e.Upper) ? "" : share ? $"{shareOf.Format(e.Lower)} to {shareOf.Format(e.Upper)}" : $"{e.Lower.ToString("0.00", CultureInfo.InvariantCulture)} to {e.Upper.ToString("0.00", CultureInfo.InvariantCulture)}";
        var columns = new List<TableColumn> { TableColumn.Text(grainTitle), TableColumn.Count("Responses") };
        bool hasOutcome = a.PeriodOutcome is not null, hasOverall = a.PeriodOverall is not null;
        if (hasOutcome)
        {
            columns.AddRange([TableColumn.Percent(a.PeriodOutcome!, 1), TableColumn.Text($"Interval ({level}%)")]);
        }

        if (hasOverall)
        {
            columns.AddRange([TableColumn.Number("Mean " + a.PeriodOverall!, 2), TableColumn.Text($"Mean's interval ({level}%)")]);
        }

        var rows = a.Periods.Select(p =>
        {
            var cells = new List<TableCell> { p.Period, p.Responses };
            if (hasOutcome)
            {
                cells.AddRange([p.Outcome is { } o ? o.Value : TableCell.Empty, Interval(p.Outcome, true)]);
            }

            if (hasOverall)
            {
                cells.AddRange([p.Overall is { } m ? m.Value : TableCell.Empty, Interval(p.Overall, false)]);
            }

            return (IReadOnlyList<TableCell>)cells;
        }).ToList();
        blocks.Add(new TableBlock(new ReportTable($"Responses per {grain} by {a.DateColumn ?? "date"} ('{a.Title}')", columns, rows) { Sheet = "Trend by " + grain }));

        int least = a.Periods.Min(p => p.Responses), most = a.Periods.Max(p => p.Responses);
        int thin = a.Periods.Count(p => p.Responses < ResponsePeriods.EnoughPerPeriod);
        blocks.Add(new Note($"Periods are {grain}s of {a.DateColumn ?? "the response date"} (when the customer was served, not when the analysis ran): the finest grain whose median {grain} holds at least {ResponsePeriods.EnoughPerPeriod} responses. "
            + $"{Counted.Of(a.Periods.Count, grain, grain + "s")}, {N(least)} to {N(most)} responses each"
            + (thin == 0 ? "" : $"; {thin} with fewer than {ResponsePeriods.EnoughPerPeriod} (their intervals are wide)")
            + (a.UndatedResponses == 0 ? "." : $"; {N(a.UndatedResponses)} of {N(a.Responses)} responses have no date and are left out.")));
        var said = a.PeriodChanges.Select(ch => ChangeSentence(ch, grain, 1 - a.Confidence)).ToList();
        if (said.Count > 0)
        {
            blocks.Add(new BulletList(said));
        }

        return new ReportSection($"The trend by {grain} of {a.DateColumn ?? "response date"}", blocks)
        {
            Message = a.PeriodChanges.Count == 0
                ? $"{Counted.Of(a.Periods.Count, grain, grain + "s")} of dated responses: too few to compare the latest with the earlier ones."
                : string.Join(" ", a.PeriodChanges.Select(ch => ChangeHeadline(ch, grain, 1 - a.Confidence))),
        };
    }

    private static TrendSeries Series(string name, IReadOnlyList<PeriodEstimate?> estimates)
        => new(name, [.. estimates.Select(e => e?.Value ?? double.NaN)], [.. estimates.Select(e => e?.Lower ?? double.NaN)], [.. estimates.Select(e => e?.Upper ?? double.NaN)]);

    private static string Span(PeriodChange ch, string grain) => ch.RecentPeriods == 1 ? $"the latest {grain} ({ch.RecentTo})" : $"the latest {ch.RecentPeriods} {grain}s ({ch.RecentFrom} to {ch.RecentTo})";

    private static string Value(PeriodChange ch, double v) => ch.IsShare ? Charts.Measure.Percent("v", 1).Format(v) : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Difference(PeriodChange ch) => ch.IsShare
        ? $"{Math.Abs((ch.Recent - ch.Earlier) * 100).ToString("0.0", CultureInfo.InvariantCulture)} points"
        : Math.Abs(ch.Recent - ch.Earlier).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The change in one sentence with its test: clear only when the p-value is under the analysis's level.</summary>
    internal static string ChangeSentence(PeriodChange ch, string grain, double alpha)
    {
        string what = ch.IsShare ? $"{ch.Measure} (yes share)" : $"Mean {ch.Measure}";
        string verdict = ch.PValue < alpha
            ? $"a clear {(ch.Recent < ch.Earlier ? "fall" : "rise")} of {Difference(ch)}"
            : $"a difference of {Difference(ch)} within chance";
        return $"{what}: {Value(ch, ch.Recent)} in {Span(ch, grain)}, {N(ch.RecentCount)} responses, against {Value(ch, ch.Earlier)} in the {N(ch.EarlierCount)} responses before: {verdict} ({ch.Test}, p {PValueWords(ch.PValue)}).";
    }

    private static string ChangeHeadline(PeriodChange ch, string grain, double alpha) => ch.PValue < alpha
        ? $"{(ch.IsShare ? ch.Measure + " (yes share)" : "Mean " + ch.Measure)} {(ch.Recent < ch.Earlier ? "fell" : "rose")} to {Value(ch, ch.Recent)} in {Span(ch, grain)} from {Value(ch, ch.Earlier)} before (p {PValueWords(ch.PValue)})."
        : $"{(ch.IsShare ? ch.Measure + " (yes share)" : "Mean " + ch.Measure)}: {Span(ch, grain)} within chance of the earlier ones (p {PValueWords(ch.PValue)}).";

    /// <summary>"&lt; 0.001" or "= 0.034": a p-value as the packs write it (never "0").</summary>
    private static string PValueWords(double p) => p < 0.001 ? "< 0.001" : "= " + p.ToString("0.000", CultureInfo.InvariantCulture);
}
