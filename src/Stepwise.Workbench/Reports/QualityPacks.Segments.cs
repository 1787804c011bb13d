using Stepwise.Charts;
using Stepwise.Review.Quality;
using Stepwise.Reports;
using Stepwise.Workbench.Quality;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

/// <summary>A team's own survey results: the planned metrics measured on the team's segment of the responses (a value of
/// a segment column such as <c>Team</c>), with intervals, beside all responses, and their trend over the analyses.</summary>
internal static partial class QualityPacks
{
    private static readonly string[] TeamWords = ["team", "group", "department", "branch", "site", "office", "region"];

    /// <summary>The segment a team names in the analysis (<c>Column=Value</c> or just the value, any case), or null.
    /// A value found in several columns is taken from the column that reads like a team first.</summary>
    private static (string Column, string Segment)? SegmentOf(QualityAnalysis analysis, string team)
    {
        string text = team.Trim();
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        var candidates = eq > 0
            ? analysis.SegmentTargets.Where(s => Same(s.Column, text[..eq]) && Same(s.Segment, text[(eq + 1)..]))
            : analysis.SegmentTargets.Where(s => Same(s.Segment, text));
        var match = candidates.OrderBy(s => IsTeamColumn(s.Column) ? 0 : 1).FirstOrDefault();
        return match is null ? null : (match.Column, match.Segment);
    }

    /// <summary>The segment column that reads like teams (Team, Group, Department...), or null.</summary>
    private static string? TeamColumn(QualityAnalysis analysis)
        => analysis.SegmentTargets.Select(s => s.Column).Distinct(StringComparer.Ordinal).FirstOrDefault(IsTeamColumn);

    private static bool IsTeamColumn(string column) => TeamWords.Any(w => column.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static SegmentTargetResults? Find(QualityAnalysis analysis, (string Column, string Segment) segment)
        => analysis.SegmentTargets.FirstOrDefault(s => s.Column == segment.Column && s.Segment == segment.Segment);

    /// <summary>The team's results with their intervals beside all responses, and each metric's trend over the analyses.</summary>
    private static IEnumerable<ReportSection> SegmentSections(QualityContents c, (string Column, string Segment) segment)
    {
        var latest = Latest(c)!.Value;
        var mine = Find(latest, segment)!;
        string who = $"{segment.Column} {segment.Segment}";
        var rows = mine.Results.Select(r =>
        {
            var m = MeasureOf(c, r.Metric);
            var all = latest.Results.FirstOrDefault(x => x.Metric == r.Metric);
            return (IReadOnlyList<TableCell>)[r.Metric, m.Format(r.Value), Interval(m, r), all is null ? TableCell.Empty : $"{m.Format(all.Value)} ({Interval(m, all)})",
                $"{(r.HigherIsBetter ? "at least" : "at most")} {m.Format(r.Target)}", Verdict(r.Verdict), r.SampleSize];
        }).ToList();
        int met = mine.Results.Count(r => r.Verdict == ResultVerdict.Met), missed = mine.Results.Count(r => r.Verdict == ResultVerdict.Missed);
        string confidence = N(latest.Confidence * 100);
        yield return new ReportSection($"Results for {who}", [new TableBlock(new ReportTable(
            $"'{latest.Title}': {N(mine.Responses)} of {N(latest.Responses)} responses are {who}; {confidence}% intervals",
            [TableColumn.Text("Measure"), TableColumn.Text($"{segment.Segment}"), TableColumn.Text($"Interval ({confidence}%)"), TableColumn.Text("All responses (interval)"), TableColumn.Text("Target"), TableColumn.Text("Verdict"), TableColumn.Count("Responses")],
            rows))])
        {
            Message = $"{segment.Segment}: {met} of {mine.Results.Count} targets met{(missed > 0 ? $", {missed} missed" : string.Empty)}, from {N(mine.Responses)} responses.",
        };

        var analyses = c.Analyses.OrderBy(a => a.Value.At).Select(a => a.Value).Where(a => Find(a, segment) is not null).ToList();
        var blocks = new List<ReportBlock>();
        if (analyses.Count < 2)
        {
            // One analysis is one point of a trend: show the team beside all responses instead. Shares read together on
            // one 0-100% axis; an NPS (-100 to 100 points) and each mean score (on its own 1-5 or 1-10 scale) get a chart
            // of their own, so no value is read against another measure's scale.
            foreach (var group in mine.Results.Where(r => latest.Results.Any(x => x.Metric == r.Metric)).GroupBy(r => ChartScaleOf(c, r.Metric)))
            {
                var m = MeasureOf(c, group.First().Metric);
                blocks.Add(new ChartBlock(new BeforeAfterChart
                {
                    Title = group.Count() == 1 ? $"{group.First().Metric}: {segment.Segment} beside all responses" : $"{segment.Segment} beside all responses",
                    Subtitle = $"'{latest.Title}', each measure with its {confidence}% interval",
                    Value = m.Named(group.Count() == 1 ? group.First().Metric : "Result"),
                    Items = [.. group.Select(r => new BeforeAfterItem(r.Metric, Point(latest.Results.First(x => x.Metric == r.Metric)), Point(r)))],
                    BeforeName = "All responses",
                    AfterName = segment.Segment,
                }));
            }
        }

        foreach (var metric in analyses.Count < 2 ? Enumerable.Empty<string>() : mine.Results.Select(r => r.Metric))
        {
            var points = analyses.Select(a => (A: a, Mine: Find(a, segment)!.Results.FirstOrDefault(r => r.Metric == metric), All: a.Results.FirstOrDefault(r => r.Metric == metric)))
                .Where(p => p.Mine is not null).ToList();
            var m = MeasureOf(c, metric);
            var series = new List<TrendSeries>
            {
                new(segment.Segment, [.. points.Select(p => p.Mine!.Value)], [.. points.Select(p => p.Mine!.Lower ?? double.NaN)], [.. points.Select(p => p.Mine!.Upper ?? double.NaN)]),
            };
            if (points.All(p => p.All is not null))
            {
                series.Add(new TrendSeries("All responses", [.. points.Select(p => p.All!.Value)]));
            }

            blocks.Add(new ChartBlock(new TrendChart
            {
                Title = $"{metric}: {segment.Segment} by analysis",
                Subtitle = $"{segment.Segment} with its {confidence}% interval, all responses beside it; the target dashed",
                Value = m,
                Periods = [.. points.Select(p => $"{p.A.At.UtcDateTime:yyyy-MM-dd}")],
                Series = series,
                PeriodName = "Analysis",
                Target = points[^1].Mine!.Target,
            }));
        }

        yield return new ReportSection($"The trend for {who}", blocks.Count == 0 ? [new Paragraph("No analysis measures the team's segment yet.")] : blocks)
        {
            Message = TrendMessage(c, analyses, segment),
        };
    }

    /// <summary>The trend in one sentence: a change between the first and the latest analysis is called clear only when
    /// their intervals do not overlap.</summary>
    private static string TrendMessage(QualityContents c, IReadOnlyList<QualityAnalysis> analyses, (string Column, string Segment) segment)
    {
        if (analyses.Count < 2)
        {
            return $"One analysis so far: {segment.Segment} beside all responses; the trend starts with the next analysis.";
        }

        var first = Find(analyses[0], segment)!;
        var last = Find(analyses[^1], segment)!;
        var changes = new List<string>();
        foreach (var now in last.Results)
        {
            if (first.Results.FirstOrDefault(r => r.Metric == now.Metric) is not { } then || then.Lower is null || then.Upper is null || now.Lower is null || now.Upper is null)
            {
                continue;
            }

            var m = MeasureOf(c, now.Metric);
            if (now.Lower > then.Upper || now.Upper < then.Lower)
            {
                changes.Add($"{now.Metric} {(now.Value > then.Value ? "rose" : "fell")} from {m.Format(then.Value)} to {m.Format(now.Value)}");
            }
        }

        return changes.Count == 0
            ? $"{analyses.Count} analyses: no measure of {segment.Segment} moved beyond the uncertainty of its intervals."
            : $"{analyses.Count} analyses: {string.Join("; ", changes)}.";
    }

    /// <summary>Without a team: every team's results side by side, when the survey has a team column.</summary>
    private static ReportSection ByTeam(QualityContents c, QualityAnalysis latest, string column)
    {
        var segments = latest.SegmentTargets.Where(s => s.Column == column).ToList();
        var rows = segments.SelectMany(s => s.Results.Select(r =>
        {
            var m = MeasureOf(c, r.Metric);
            return (IReadOnlyList<TableCell>)[s.Segment, r.Metric, m.Format(r.Value), Interval(m, r), $"{(r.HigherIsBetter ? "at least" : "at most")} {m.Format(r.Target)}", Verdict(r.Verdict), r.SampleSize];
        })).ToList();
        int missed = segments.Sum(s => s.Results.Count(r => r.Verdict == ResultVerdict.Missed));
        int total = segments.Sum(s => s.Results.Count);
        return new ReportSection($"Results by {column.ToLowerInvariant()}", [new TableBlock(new ReportTable(
            $"'{latest.Title}': each {column.ToLowerInvariant()}'s results with {N(latest.Confidence * 100)}% intervals (ask for a team's own pack with --team)",
            [TableColumn.Text(column), TableColumn.Text("Measure"), TableColumn.Text("Result"), TableColumn.Text("Interval"), TableColumn.Text("Target"), TableColumn.Text("Verdict"), TableColumn.Count("Responses")],
            rows))])
        {
            Message = $"{segments.Count} {(segments.Count == 1 ? column.ToLowerInvariant() : "values of " + column)}: {missed} of {total} results miss their target.",
        };
    }

    /// <summary>The axis a metric's chart reads on: every share on one percentage axis, any other measure on its own.</summary>
    internal static string ChartScaleOf(QualityContents c, string metric) => MeasureOf(c, metric).Kind == MeasureKind.Percent ? "%" : "metric:" + metric;

    private static ValueInterval Point(QualityResult r) => new(r.Value, r.Lower ?? double.NaN, r.Upper ?? double.NaN);

    private static string Interval(Measure m, QualityResult r) => r.Lower is { } lo && r.Upper is { } hi ? $"{m.Format(lo)} to {m.Format(hi)}" : "not computed";
}
