using Stepwise.Statistics.Control;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Findings;
using Stepwise.Statistics.Inference;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Segments;
using Stepwise.Statistics.Targets;
using Stepwise.Text.Privacy;
using Stepwise.Text.Sentiment;
using Stepwise.Text.Themes;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Survey;

/// <summary>
/// Runs the quality-review analytics on imported feedback: summary measures, key drivers, comment themes and
/// sentiment, targets and plan, segment differences, the trend, and findings turned into actions. Comments are
/// redacted before any quote leaves this class; response ids are pseudonymised when a key is given.
/// </summary>
public static class SurveyAnalysis
{
    /// <summary>Analyses <paramref name="import"/> as <paramref name="request"/> asks.</summary>
    public static SurveyResult Run(FeedbackImport import, SurveyRequest request, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate().ThrowIfAny();
        var t = import.Table;
        var s = request.Sections;
        bool actions = s.HasFlag(SurveySection.Actions);
        var result = new SurveyResult { Import = import, Measures = Summary(t, request.Confidence) };
        if (t.Overall is not null)
        {
            result = result with { Distribution = ScoreDistribution.Of(t.Overall) };
        }

        progress?.Report(0.1);
        if ((s.HasFlag(SurveySection.Drivers) || actions) && t.Items.Count > 0 && OutcomeValues(t) is { } outcome)
        {
            double split = request.PerformanceTarget is null ? 50 : PerformanceSplit(request.PerformanceTarget, t.Items);
            result = result with { Drivers = KeyDrivers.Analyse(t.Items, outcome.Values, outcome.Name, performanceSplit: split) };
        }

        progress?.Report(0.3);
        if ((s.HasFlag(SurveySection.Themes) || s.HasFlag(SurveySection.Responses) || actions) && t.Comments is not null)
        {
            result = Themes(result, t, request);
        }

        progress?.Report(0.7);
        if (s.HasFlag(SurveySection.Targets) || actions)
        {
            var targets = new List<(PlannedMeasure?, TargetAssessment)>();
            foreach (var target in request.Targets())
            {
                var (estimate, subject) = MetricEstimator.Estimate(t, target.Metric, target.Column, request.Confidence);
                targets.Add((null, TargetAssessment.Assess(target, subject, estimate)));
            }

            var unmeasured = new List<(PlannedMeasure, string)>();
            if (request.Plan is not null)
            {
                var (assessed, skipped) = request.Plan.Assess(t, request.Confidence);
                targets.AddRange(assessed.Select(a => ((PlannedMeasure?)a.Measure, a.Assessment)));
                unmeasured.AddRange(skipped);
            }

            result = result with { Targets = targets, Unmeasured = unmeasured };
        }

        if ((s.HasFlag(SurveySection.Segments) || actions) && t.Segments.Count > 0)
        {
            var segments = request.By.Count == 0 ? null : request.By.Select(name => t.FindSegment(name) ?? throw StepwiseException.Invalid("by", $"'{name}' is not a segment column; the segments are: {string.Join(", ", t.Segments.Select(x => x.Name))}.")).ToList();
            result = result with { Segments = SegmentComparison.Compare(t, segments) };
        }

        progress?.Report(0.85);
        if ((s.HasFlag(SurveySection.Trend) || actions) && t.ResponseDates is not null)
        {
            result = Trend(result, t, request.TrendPeriod());
        }

        if (actions)
        {
            var findings = new List<Finding>();
            findings.AddRange(FindingRules.FromTargets(result.Targets.Select(x => x.Assessment)));
            if (result.Drivers is not null)
            {
                findings.AddRange(FindingRules.FromDrivers(result.Drivers));
            }

            foreach (var theme in result.Themes)
            {
                var finding = FindingRules.FromTheme(theme.Result.Theme.Name, theme.Result.Comments.Count, theme.Result.Share, theme.Result.MeanSentiment,
                    theme.InTheme - theme.Rest, theme.AdjustedPValue, [.. theme.Result.Quotes.Select(q => q.Text)]);
                if (finding is not null)
                {
                    findings.Add(finding);
                }
            }

            findings.AddRange(FindingRules.FromSegments(result.Segments));
            if (result.Trend is { HasSignals: true } chart)
            {
                var last = chart.Points.Last(p => p.Signals.Count > 0);
                findings.Add(new Finding(FindingKind.Signal, result.TrendMeasure ?? "trend", $"The {chart.Kind} chart of {result.TrendMeasure} signals special-cause variation, last in {last.Label}.", 2,
                    [new Evidence("signal", $"{last.Label}: {last.Value:0.###} against limits {last.Lower:0.###}..{last.Upper:0.###} ({string.Join(", ", last.Signals)})")]));
            }

            result = result with { Actions = ActionPlanner.Recommend(findings, request.Policy(), request.Today) };
        }

        progress?.Report(1);
        return result;
    }

    /// <summary>Reads a feedback file as <paramref name="read"/> says and analyses it as <paramref name="request"/> asks.</summary>
    /// <exception cref="StepwiseException">A field of either request is not valid.</exception>
    public static SurveyResult Run(string path, FeedbackReadRequest read, SurveyRequest request, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Validation();
        foreach (var e in read.Validate().Errors.Concat(request.Validate().Errors))
        {
            errors.Add(e.Field, e.Message);
        }

        errors.ThrowIfAny();
        var import = read.Read(path);
        progress?.Report(0.2);
        return Run(import, request, new Progress<double>(p => progress?.Report(0.2 + (0.8 * p))));
    }

    /// <summary>The grid's performance split for <paramref name="target"/> on the items' scale.</summary>
    /// <exception cref="StepwiseException">The target is neither a score on the scale nor a percentage.</exception>
    internal static double PerformanceSplit(string target, IReadOnlyList<ScoreColumn> items)
    {
        try
        {
            return KeyDrivers.PerformanceSplitOf(target, items);
        }
        catch (FormatException ex)
        {
            throw StepwiseException.Invalid("performance_target", ex.Message);
        }
    }

    private static List<SurveyMeasure> Summary(FeedbackTable t, double confidence)
    {
        var measures = new List<SurveyMeasure>();
        if (t.Overall is not null)
        {
            measures.Add(Measure(t.Overall, "overall", confidence));
        }

        if (t.Outcome is not null)
        {
            int yes = 0, n = 0;
            foreach (var o in t.Outcome)
            {
                if (o is bool b)
                {
                    n++;
                    yes += b ? 1 : 0;
                }
            }

            measures.Add(new SurveyMeasure(t.OutcomeName!, "outcome", null, Estimate.Empty(confidence), Proportions.Wilson(yes, n, confidence), null));
        }

        measures.AddRange(t.Items.Select(i => Measure(i, "item", confidence)));
        return measures;
    }

    private static SurveyMeasure Measure(ScoreColumn column, string role, double confidence)
    {
        var values = (double[])column.Values;
        int top = 0, n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                top += column.Scale.IsTopBox(v) ? 1 : 0;
            }
        }

        var nps = role == "overall" && column.Scale.Max == 10 && column.Scale.Min >= 0 ? NetPromoterScore.Compute(values, confidence) : null;
        return new SurveyMeasure(column.Name, role, column.Scale, Means.TInterval(values, confidence), Proportions.Wilson(top, n, confidence), nps);
    }

    /// <summary>The outcome the drivers explain: the overall score, else the yes/no outcome as 1/0.</summary>
    private static (string Name, double[] Values)? OutcomeValues(FeedbackTable t)
    {
        if (t.Overall is not null)
        {
            return (t.Overall.Name, (double[])t.Overall.Values);
        }

        if (t.Outcome is not null)
        {
            return (t.OutcomeName!, [.. t.Outcome.Select(o => o is bool b ? (b ? 1.0 : 0.0) : double.NaN)]);
        }

        return null;
    }

    private static SurveyResult Themes(SurveyResult result, FeedbackTable t, SurveyRequest request)
    {
        var pseudonymiser = request.Pseudonymiser();
        var redactor = new Redactor(t.RespondentNames ?? []);
        var names = t.RespondentNames;
        var analysis = CommentAnalysis.Run(t.Comments!, request.Themes, request.Discover, (i, comment) => redactor.Redact(comment, names?[i]).Text,
            excludeFromDiscovery: [.. request.ExcludeWord.Select(w => w.ToLowerInvariant())], seed: request.Seed);
        var withText = Enumerable.Range(0, t.Count).Where(i => !string.IsNullOrWhiteSpace(t.Comments![i])).ToArray();
        var raw = new List<(ThemeResult Theme, string? Name, double In, double Others, string? Test, double P)>();
        foreach (var theme in analysis.Themes)
        {
            var members = new HashSet<int>(theme.Comments);
            (string? name, double inTheme, double rest, string? test, double p) = (null, double.NaN, double.NaN, null, double.NaN);
            if (t.Overall is not null)
            {
                var a = withText.Where(members.Contains).Select(i => t.Overall.Values[i]).Where(v => !double.IsNaN(v)).ToArray();
                var b = withText.Where(i => !members.Contains(i)).Select(i => t.Overall.Values[i]).Where(v => !double.IsNaN(v)).ToArray();
                if (a.Length >= 5 && b.Length >= 5)
                {
                    var r = t.Overall.Scale.Points <= 7 ? MannWhitneyTest.Compare(a, b) : WelchTest.Compare(a, b);
                    (name, inTheme, rest, test, p) = (t.Overall.Name, a.Average(), b.Average(), r.Test, r.PValue);
                }
            }
            else if (t.Outcome is not null)
            {
                var counts = new long[2, 2];
                foreach (int i in withText)
                {
                    if (t.Outcome[i] is bool yes)
                    {
                        counts[members.Contains(i) ? 0 : 1, yes ? 0 : 1]++;
                    }
                }

                long ng = counts[0, 0] + counts[0, 1], nr = counts[1, 0] + counts[1, 1];
                if (ng >= 5 && nr >= 5 && counts[0, 0] + counts[1, 0] > 0 && counts[0, 1] + counts[1, 1] > 0)
                {
                    var r = ChiSquareTest.Independence(counts);
                    (name, inTheme, rest, test, p) = (t.OutcomeName, (double)counts[0, 0] / ng, (double)counts[1, 0] / nr, r.Test, r.PValue);
                }
            }

            raw.Add((theme, name, inTheme, rest, test, p));
        }

        var adjusted = MultipleComparisons.Adjust([.. raw.Select(x => x.P)], Adjustment.Holm);
        var themes = raw.Select((x, k) => new SurveyTheme(x.Theme, x.Name, x.In, x.Others, x.Test, x.P, adjusted[k],
            [.. x.Theme.Quotes.Select(q => ResponseId(t, q.Comment, pseudonymiser))])).ToList();
        var scores = analysis.Sentiments.Where((_, i) => analysis.RedactedComments[i] is not null).ToArray();
        int n = scores.Length;
        var sentiment = n == 0 ? ((double, double, double, double, int)?)null
            : ((double)scores.Count(x => x.Category == SentimentLabel.Positive) / n, (double)scores.Count(x => x.Category == SentimentLabel.Neutral) / n,
                (double)scores.Count(x => x.Category == SentimentLabel.Negative) / n, scores.Average(x => x.Compound), n);
        return result with { Themes = themes, Sentiment = sentiment, Comments = analysis, ResponseIds = [.. Enumerable.Range(0, t.Count).Select(i => ResponseId(t, i, pseudonymiser))] };
    }

    /// <summary>The id of response <paramref name="row"/> as shown: pseudonymised when a key was given.</summary>
    public static string ResponseId(FeedbackTable table, int row, Pseudonymiser? pseudonymiser)
        => pseudonymiser is null ? table.ResponseIds[row] : pseudonymiser.Pseudonym(table.ResponseIds[row]);

    private static SurveyResult Trend(SurveyResult result, FeedbackTable t, Period? requested)
    {
        var dated = Enumerable.Range(0, t.Count).Where(i => t.ResponseDates![i] is not null).ToArray();
        if (dated.Length == 0)
        {
            return result;
        }

        var first = dated.Min(i => t.ResponseDates![i]!.Value);
        var last = dated.Max(i => t.ResponseDates![i]!.Value);
        var period = requested ?? ((last - first).TotalDays > 2 * 365 ? Period.Quarter : (last - first).TotalDays > 120 ? Period.Month : Period.Week);
        var groups = dated.GroupBy(i => PeriodLabels.Of(t.ResponseDates![i]!.Value, period)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var labels = groups.Select(g => g.Key).ToList();
        if (t.Outcome is not null)
        {
            var yes = groups.Select(g => g.Count(i => t.Outcome[i] == true)).ToList();
            var n = groups.Select(g => g.Count(i => t.Outcome[i] is not null)).ToList();
            return result with { Trend = ControlCharts.PChart(labels, yes, n), TrendMeasure = $"{t.OutcomeName} share per {period.ToString().ToLowerInvariant()}" };
        }

        if (t.Overall is not null)
        {
            var means = groups.Select(g => g.Select(i => t.Overall.Values[i]).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average()).ToList();
            var counts = groups.Select(g => g.Count(i => !double.IsNaN(t.Overall.Values[i]))).ToList();
            return result with { Trend = ControlCharts.XmR(labels, means, counts), TrendMeasure = $"mean {t.Overall.Name} per {period.ToString().ToLowerInvariant()}" };
        }

        return result;
    }
}
