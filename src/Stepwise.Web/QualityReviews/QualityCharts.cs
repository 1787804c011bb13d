using System.Globalization;
using Stepwise.Charts;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Quality;

namespace Stepwise.Web.QualityReviews;

/// <summary>
/// The charts of a quality review's pages, drawn by the shared chart module: results against their targets as bars
/// with intervals, the importance-performance grid of the drivers, each segment's groups with intervals, the trend of
/// the responses on a control chart, the trend of each metric across analyses, the themes of the comments, and a
/// sample's shares against the population's.
/// </summary>
public static class QualityCharts
{
    /// <summary>A bar chart's size on a page: as wide as the screen panel, no taller than its bars need.</summary>
    public static ChartSize Bars { get; } = new(720, 180, 12);

    /// <summary>A chart along time: wide, so that period labels and signal marks have room.</summary>
    public static ChartSize Wide { get; } = new(1000, 420, 12);

    /// <summary>
    /// The results against their targets: one chart per unit (shares, scores, NPS points), each measure's target bar
    /// beside its result bar with the result's interval, so measures with different targets read on one chart.
    /// </summary>
    public static IReadOnlyList<BeforeAfterChart> Results(QualityAnalysis analysis, QualityReview plan)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(plan);
        string level = Percent(analysis.Confidence);
        return [.. analysis.Results
            .GroupBy(r =>
            {
                var m = QualityUnits.MeasureOf(plan, r.Metric);
                return (m.Kind, m.Unit);
            })
            .Select(group =>
            {
                var results = group.ToList();
                var first = QualityUnits.MeasureOf(plan, results[0].Metric);
                var (name, what) = first.Kind == MeasureKind.Percent ? ("Share of responses", "Shares")
                    : first.Unit == "points" ? ("Net Promoter Score", "Net Promoter Scores")
                    : first.Unit == "score" ? ("Mean score", "Mean scores")
                    : ("Mean", "Means");
                bool floors = results.All(r => r.HigherIsBetter), ceilings = results.All(r => !r.HigherIsBetter);
                return new BeforeAfterChart
                {
                    Title = $"{what} against their targets",
                    Subtitle = $"Each measure's target{(floors ? " (at least)" : ceilings ? " (at most)" : string.Empty)} above its result from {Count(results.Min(r => r.SampleSize))}{(results.Select(r => r.SampleSize).Distinct().Count() > 1 ? " or more" : string.Empty)} responses; whiskers are {level} confidence intervals",
                    Value = first.Named(name),
                    Items = [.. results.Select(r => new BeforeAfterItem(r.Metric, new ValueInterval(r.Target), new ValueInterval(r.Value, r.Lower ?? double.NaN, r.Upper ?? double.NaN)))],
                    BeforeName = "Target",
                    AfterName = "Result",
                    ItemName = "Measure",
                };
            })];
    }

    /// <summary>The importance-performance grid of the drivers, or null when the analysis has none.</summary>
    public static ImportancePerformanceChart? Drivers(QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Drivers.Count == 0)
        {
            return null;
        }

        return new ImportancePerformanceChart
        {
            Title = $"What drives {analysis.DriversOf ?? "satisfaction"}",
            Subtitle = "Importance (share of the explained variation) against performance (mean as % of the scale)",
            // Performance is stored as a percentage of the scale (0 to 100): drawn as a share, so that the axis, the
            // note of the split and the data table read "50%", as the reports draw the same grid.
            Performance = Measure.Percent("Performance", 0),
            // Importance with as many decimals as tell on which side of the split each feature lies (one at least):
            // with six features the split is 16.7%, and features at 16.4% or 16.9% would all read "17%".
            Importance = Measure.Percent("Importance", ImportanceDecimals(analysis)),
            Items = [.. analysis.Drivers.Select(d => new GridItem(d.Item, d.Performance / 100, d.Importance))],
            PerformanceSplit = (analysis.PerformanceSplit ?? 50) / 100,
            PerformanceSplitName = analysis.PerformanceSplit is null ? "the scale midpoint" : "the analysis's split",
            PerformanceRange = (0, 1),
            ImportanceSplit = ImportanceSplit(analysis),
            ItemName = "Service feature",
        };
    }

    /// <summary>Where the drivers' grid splits importance: the analysis's split, or an equal share of the features.</summary>
    public static double ImportanceSplit(QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.ImportanceSplit ?? 1.0 / Math.Max(1, analysis.Drivers.Count);
    }

    /// <summary>The decimals the drivers' importances are written with, so each reads on its side of the split.</summary>
    public static int ImportanceDecimals(QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return Components.Labels.PercentDecimalsApart(analysis.Drivers.Select(d => d.Importance), ImportanceSplit(analysis));
    }

    /// <summary>
    /// Each segment's groups as bars with their intervals; the dashed line is the value of all the responses that have
    /// the segment (the groups' values weighted by their responses).
    /// </summary>
    public static IReadOnlyList<BarChart> Segments(QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        string level = Percent(analysis.Confidence);
        return [.. analysis.Segments.GroupBy(s => s.Segment).Select(segment =>
        {
            var groups = segment.ToList();
            var first = groups[0];
            var measure = first.IsShare ? Measure.Percent($"{Capital(first.Measure)}: share yes", 1) : Measure.Number($"Mean {first.Measure}", "score", 2);
            var bars = groups.Select(g => new Bar(g.Group, g.Value, g.Lower ?? double.NaN, g.Upper ?? double.NaN)).ToList();
            double all;
            string allName, subtitle;
            if (BaseOf(analysis, segment.Key) is { } b)
            {
                // The line is every response with a value in the column, named with its base; those without one are
                // a bar of their own, so a blank that differs from the rest is seen.
                all = b.Stated.Value;
                allName = StatedName(b);
                subtitle = $"Each group with its {level} confidence interval; the dashed line is all {Count(b.Stated.Responses)} responses with a {segment.Key}"
                    + (b.NotStated is { } none ? $"; “Not stated” is the {Count(none.Responses)} without one" : string.Empty);
                if (b.NotStated is { } ns)
                {
                    bars.Add(new Bar("Not stated", ns.Value, ns.Lower ?? double.NaN, ns.Upper ?? double.NaN));
                }
            }
            else
            {
                int n = groups.Sum(g => g.Responses);
                all = groups.Sum(g => g.Value * g.Responses) / n;
                allName = $"All in these groups ({Count(n)})";
                subtitle = $"Each group with its {level} confidence interval; the dashed line is the {Count(n)} responses of these groups (without those with no {segment.Key})";
            }

            return new BarChart
            {
                Title = first.IsShare ? $"{Capital(first.Measure)} (share yes) by {segment.Key}" : $"Mean {first.Measure} by {segment.Key}",
                Subtitle = subtitle,
                Value = measure,
                Bars = bars,
                CategoryName = segment.Key,
                Reference = all,
                ReferenceName = allName,
                IntervalName = $"{level} confidence interval",
            };
        })];
    }

    /// <summary>The base of a segment's groups (the responses with a value in its column, and those without), or null
    /// for an analysis recorded before it was kept.</summary>
    public static SegmentBase? BaseOf(QualityAnalysis analysis, string segment)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.SegmentBases.FirstOrDefault(b => string.Equals(b.Segment, segment, StringComparison.Ordinal));
    }

    /// <summary>The responses with a value in a segment's column, named with their count: "All with a TypeOfTraveller (2,930)".</summary>
    public static string StatedName(SegmentBase segmentBase)
    {
        ArgumentNullException.ThrowIfNull(segmentBase);
        return $"All with a {segmentBase.Segment} ({Count(segmentBase.Stated.Responses)})";
    }

    /// <summary>The trend of the responses by period on a control chart, or null when they have no dates.</summary>
    public static ControlChartPlot? Trend(QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Trend.Count == 0)
        {
            return null;
        }

        string what = analysis.TrendOf ?? "The responses by period";
        int signals = analysis.Trend.Count(p => p.Rules.Count > 0);
        return new ControlChartPlot
        {
            Title = Capital(what),
            Subtitle = $"{(analysis.TrendIsShare ? "p-chart" : "XmR chart")} of {Count(analysis.Trend.Sum(p => p.Responses))} dated responses; {(signals == 0 ? "no period signals special-cause variation" : $"{signals} periods signal special-cause variation (marked)")}",
            Value = analysis.TrendIsShare ? Measure.Percent("Share", 1) : Measure.Number("Mean", "score", 2),
            Points = [.. analysis.Trend.Select(p => new ControlChartPoint(p.Period, p.Value, p.Centre, p.Lower, p.Upper, p.Rules))],
            PeriodName = "Period",
        };
    }

    /// <summary>Each metric measured by two analyses or more, across the analyses (oldest first), with the target.</summary>
    public static IReadOnlyList<TrendChart> AcrossAnalyses(IReadOnlyList<Versioned<QualityAnalysis>> analyses, QualityReview plan)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(plan);
        var ordered = analyses.Select(a => a.Value).OrderBy(a => a.At).ThenBy(a => a.Title, StringComparer.Ordinal).ToList();
        var charts = new List<TrendChart>();
        foreach (string metric in ordered.SelectMany(a => a.Results.Select(r => r.Metric)).Distinct(StringComparer.Ordinal))
        {
            var points = ordered.Select(a => (Analysis: a, Result: a.Results.FirstOrDefault(r => r.Metric == metric))).Where(p => p.Result is not null).ToList();
            if (points.Count < 2)
            {
                continue;
            }

            charts.Add(new TrendChart
            {
                Title = $"{metric} by analysis",
                Subtitle = "Each analysis with its confidence interval; the target dashed",
                Value = QualityUnits.MeasureOf(plan, metric),
                Periods = [.. points.Select(p => p.Analysis.Title)],
                Series = [new TrendSeries(metric, [.. points.Select(p => p.Result!.Value)], [.. points.Select(p => p.Result!.Lower ?? double.NaN)], [.. points.Select(p => p.Result!.Upper ?? double.NaN)])],
                PeriodName = "Analysis",
                Target = points[^1].Result!.Target,
            });
        }

        return charts;
    }

    /// <summary>How many comments each theme holds, most first, or null when there are no themes.</summary>
    public static BarChart? Themes(QualityAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Themes.Count == 0)
        {
            return null;
        }

        return new BarChart
        {
            Title = "What the comments are about",
            Subtitle = $"Comments per theme, of {Count(analysis.Comments)} comments; a comment may belong to several themes",
            Value = Measure.Count("Comments"),
            Bars = [.. analysis.Themes.OrderByDescending(t => t.Comments).ThenBy(t => t.Name, StringComparer.Ordinal).Select(t => new Bar(t.Name, t.Comments))],
            CategoryName = "Theme",
        };
    }

    /// <summary>An attribute of a sample check: each group's share of the population against its share of the sample.</summary>
    public static BeforeAfterChart Check(AttributeCheck attribute, string checkedWhat)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return new BeforeAfterChart
        {
            Title = $"{attribute.Attribute}: {checkedWhat} against the population",
            Subtitle = attribute.PValue is { } p
                ? $"Chi-square {attribute.ChiSquare?.ToString("0.0", CultureInfo.InvariantCulture)} on {attribute.DegreesOfFreedom} degrees of freedom, p = {PValue(p)}: {(attribute.Representative ? "representative" : "not representative")}"
                : attribute.Representative ? "Representative" : "Not representative",
            Value = Measure.Percent("Share", 1),
            Items = [.. attribute.Groups.Select(g => new BeforeAfterItem(g.Group, new ValueInterval(g.PopulationShare), new ValueInterval(g.SampleShare)))],
            BeforeName = "Population",
            AfterName = Capital(checkedWhat),
            ItemName = attribute.Attribute,
        };
    }

    /// <summary>A p-value as people read it: "&lt; 0.001" below a thousandth.</summary>
    public static string PValue(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
