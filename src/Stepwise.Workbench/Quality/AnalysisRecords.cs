using Stepwise.Review.Common;
using Stepwise.Review.Quality;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Segments;
using Stepwise.Statistics.Targets;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// The one place where the survey engine's results become the artefacts a quality review keeps: the planned metrics
/// measured against their targets, the drivers on the importance-performance grid, and the themes with redacted quotes.
/// </summary>
public static class AnalysisRecords
{
    /// <summary>The analysis record of <paramref name="survey"/> against <paramref name="plan"/>.</summary>
    /// <param name="id">The new artefact's id.</param>
    /// <param name="title">Its title.</param>
    /// <param name="dataSourceId">The data source analysed.</param>
    /// <param name="dataHash">The SHA-256 of the file.</param>
    /// <param name="survey">The survey analysis of the file.</param>
    /// <param name="plan">The quality review whose measurement plan gives the targets.</param>
    /// <param name="confidence">The confidence level of intervals and verdicts.</param>
    /// <param name="at">When it was computed.</param>
    /// <param name="sampleId">The sample the responses answer, if any.</param>
    public static QualityAnalysis From(Guid id, string title, Guid dataSourceId, ContentHash dataHash, SurveyResult survey, QualityReview plan, double confidence, DateTimeOffset at, Guid? sampleId = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(plan);
        var table = survey.Import.Table;
        var unmeasured = new List<UnmeasuredMetric>();
        var results = Measure(table, plan, confidence, null, unmeasured);

        var drivers = survey.Drivers;
        var periods = ResponsePeriods.Of(table, confidence);
        var modelled = drivers?.Drivers.Where(d => d.Quadrant is not null).ToList() ?? [];
        return new QualityAnalysis
        {
            Id = id,
            Title = title,
            DataSourceId = dataSourceId,
            File = Path.GetFileName(table.Source),
            DataHash = dataHash,
            Responses = table.Count,
            SampleId = sampleId,
            Confidence = confidence,
            At = at,
            Results = results,
            Unmeasured = unmeasured,
            DriversOf = drivers?.Outcome,
            PerformanceSplit = drivers?.PerformanceSplit,
            ImportanceSplit = modelled.Count == 0 ? null : 1.0 / modelled.Count,
            Drivers = [.. modelled.Select(d => new DriverResult(d.Item, d.Importance, d.Correlation, d.MeanScore, d.Performance, Quadrant(d.Quadrant!.Value)))],
            DriversModelCount = drivers?.ModelCount,
            DriversRSquared = drivers is null || !double.IsFinite(drivers.RSquared) ? null : drivers.RSquared,
            DriversLeftOut = drivers is null ? [] : LeftOut(drivers),
            // A theme of the dictionary that no comment touches has no sentiment to keep (and would say nothing).
            Themes = [.. survey.Themes.Where(t => t.Result.Comments.Count > 0).Select(t => new CommentTheme(
                t.Result.Theme.Name,
                t.Result.Comments.Count,
                t.Result.Share,
                t.Result.MeanSentiment,
                Finite(t.InTheme),
                Finite(t.Rest),
                Finite(t.AdjustedPValue),
                [.. t.Result.Quotes.Select((q, k) => new ThemeQuote(q.Text, t.QuoteIds[k], q.Sentiment))]))],
            Comments = survey.Sentiment?.Comments ?? 0,
            SegmentTargets = SegmentTargets(table, plan, confidence),
            ThemeScoreOf = survey.Themes.Select(t => t.ScoreName).FirstOrDefault(n => n is not null),
            ThemeScoreIsShare = table.Overall is null && table.Outcome is not null,
            Segments = Segments(table, survey.Segments, confidence),
            SegmentBases = SegmentBases(table, confidence),
            SegmentComparisons = survey.Segments.Count(d => !d.Repeats),
            SegmentComparedOn = [.. survey.Segments.Select(d => d.Measure).Distinct(StringComparer.Ordinal)],
            TrendOf = survey.Trend is null ? null : survey.TrendMeasure,
            TrendIsShare = survey.Trend?.Kind == "p",
            Trend = survey.Trend is { } chart ? [.. chart.Points.Select(p => new TrendPoint(p.Label, p.Value, p.Count, p.Centre, p.Lower, p.Upper, [.. p.Signals.Select(r => (int)r)]))] : [],
            DateColumn = periods is null ? null : survey.Import.Mapping.Date,
            PeriodGrain = periods?.Grain,
            PeriodOutcome = periods is not null && table.Outcome is not null ? table.OutcomeName : null,
            PeriodOverall = periods is not null ? table.Overall?.Name : null,
            Periods = periods?.Periods ?? [],
            UndatedResponses = periods?.Undated ?? 0,
            PeriodChanges = periods?.Changes ?? [],
        };
    }

    /// <summary>Segment columns with more values than this are identifiers, not teams or channels, and are left out.</summary>
    public const int MostSegmentValues = 30;

    /// <summary>The planned metrics on every value of every segment column (up to <see cref="MostSegmentValues"/> values a column).</summary>
    private static IReadOnlyList<SegmentTargetResults> SegmentTargets(FeedbackTable table, QualityReview plan, double confidence)
    {
        var segments = new List<SegmentTargetResults>();
        foreach (var column in table.Segments.Where(c => c.Labels.Count is > 1 and <= MostSegmentValues))
        {
            for (int code = 0; code < column.Labels.Count; code++)
            {
                var rows = new List<int>();
                for (int r = 0; r < column.Codes.Count; r++)
                {
                    if (column.Codes[r] == code)
                    {
                        rows.Add(r);
                    }
                }

                var measured = Measure(table, plan, confidence, rows, []);
                if (rows.Count > 0 && measured.Count > 0)
                {
                    segments.Add(new SegmentTargetResults(column.Name, column.Labels[code], rows.Count, measured));
                }
            }
        }

        return segments;
    }

    /// <summary>Each planned metric with a statistic measured over <paramref name="rows"/> (all when null), against its
    /// target; what cannot be measured goes to <paramref name="unmeasured"/>.</summary>
    private static List<QualityResult> Measure(FeedbackTable table, QualityReview plan, double confidence, IReadOnlyList<int>? rows, List<UnmeasuredMetric> unmeasured)
    {
        var results = new List<QualityResult>();
        foreach (var measure in plan.MeasurementPlan)
        {
            if (measure.Statistic is null)
            {
                unmeasured.Add(new UnmeasuredMetric(measure.Metric, $"measured by {measure.Method} outside the feedback data (no statistic is planned)"));
                continue;
            }

            var target = new Target(TargetSpec.ParseMetric(measure.Statistic), measure.HigherIsBetter ? TargetDirection.AtLeast : TargetDirection.AtMost, measure.Target, measure.Column);
            try
            {
                var (estimate, subject) = MetricEstimator.Estimate(table, target.Metric, target.Column, confidence, rows);
                if (estimate.Count == 0 || !double.IsFinite(estimate.Value))
                {
                    unmeasured.Add(new UnmeasuredMetric(measure.Metric, $"no response answers {subject}"));
                    continue;
                }

                var assessment = TargetAssessment.Assess(target, subject, estimate);
                results.Add(new QualityResult(measure.Metric, subject, estimate.Value, Finite(estimate.Lower), Finite(estimate.Upper), estimate.Count, measure.Target, measure.HigherIsBetter, assessment.Verdict switch
                {
                    TargetVerdict.MetWithConfidence => ResultVerdict.Met,
                    TargetVerdict.MissedWithConfidence => ResultVerdict.Missed,
                    _ => ResultVerdict.Undecided,
                }));
            }
            catch (ArgumentException ex)
            {
                unmeasured.Add(new UnmeasuredMetric(measure.Metric, ex.Message));
            }
        }

        return results;
    }

    /// <summary>
    /// Each group of each segment on the outcome share (Wilson interval) or, without an outcome, the mean overall score
    /// (t interval), with the rest's value and the adjusted p-value of the engine's comparison where it made one; groups
    /// of fewer than five responses are left out.
    /// </summary>
    private static IReadOnlyList<SegmentResult> Segments(FeedbackTable table, IReadOnlyList<SegmentDifference> differences, double confidence)
    {
        var results = new List<SegmentResult>();
        string? measure = table.Outcome is not null ? table.OutcomeName : table.Overall?.Name;
        if (measure is null)
        {
            return results;
        }

        foreach (var segment in table.Segments)
        {
            for (int g = 0; g < segment.Labels.Count; g++)
            {
                var tested = differences.FirstOrDefault(d => d.Segment == segment.Name && d.Group == segment.Labels[g] && d.Measure == measure);
                // The group against the rest of the responses with a value in the column.
                var (estimate, rest) = TwoSides(table, confidence, r => segment.Codes[r] < 0 ? null : segment.Codes[r] == g);

                // Groups too small to compare are left out, as the engine's comparison leaves them out.
                if (estimate.Count < SegmentComparison.MinimumGroupSize)
                {
                    continue;
                }

                results.Add(new SegmentResult(segment.Name, segment.Labels[g], measure, table.Outcome is not null, estimate.Count, estimate.Value,
                    Finite(estimate.Lower), Finite(estimate.Upper), Finite(rest.Value), tested is null ? null : Finite(tested.AdjustedPValue)));
            }
        }

        return results;
    }

    /// <summary>
    /// The segments' measure on two sides of the responses (<paramref name="side"/> true for the first, false for the
    /// second, null for neither): the outcome share with Wilson's interval, or without an outcome the mean overall score
    /// with a t interval; a side without responses is empty.
    /// </summary>
    private static (Estimate First, Estimate Second) TwoSides(FeedbackTable table, double confidence, Func<int, bool?> side)
    {
        if (table.Outcome is { } outcome)
        {
            int yes = 0, n = 0, otherYes = 0, otherN = 0;
            for (int r = 0; r < table.Count; r++)
            {
                if (outcome[r] is not bool b || side(r) is not bool first)
                {
                    continue;
                }

                if (first)
                {
                    n++;
                    yes += b ? 1 : 0;
                }
                else
                {
                    otherN++;
                    otherYes += b ? 1 : 0;
                }
            }

            return (n == 0 ? Estimate.Empty(confidence) : Proportions.Wilson(yes, n, confidence),
                otherN == 0 ? Estimate.Empty(confidence) : Proportions.Wilson(otherYes, otherN, confidence));
        }

        var scores = table.Overall!.Values;
        var firstScores = new List<double>();
        var secondScores = new List<double>();
        for (int r = 0; r < table.Count; r++)
        {
            if (!double.IsNaN(scores[r]) && side(r) is bool first)
            {
                (first ? firstScores : secondScores).Add(scores[r]);
            }
        }

        return (Means.TInterval(firstScores.ToArray(), confidence), Means.TInterval(secondScores.ToArray(), confidence));
    }

    /// <summary>
    /// Of each segment column, all the responses with a value in it and those with the measure but without one, on the
    /// segments' measure (Wilson interval for the outcome share, t interval for the mean overall score); a column no
    /// response has a value in is left out.
    /// </summary>
    private static IReadOnlyList<SegmentBase> SegmentBases(FeedbackTable table, double confidence)
    {
        var bases = new List<SegmentBase>();
        string? measure = table.Outcome is not null ? table.OutcomeName : table.Overall?.Name;
        if (measure is null)
        {
            return bases;
        }

        foreach (var segment in table.Segments)
        {
            var (stated, notStated) = TwoSides(table, confidence, r => segment.Codes[r] >= 0);
            if (stated.Count == 0)
            {
                continue;
            }

            bool share = table.Outcome is not null;
            bases.Add(new SegmentBase(
                segment.Name,
                new SegmentResult(segment.Name, "All with a value", measure, share, stated.Count, stated.Value, Finite(stated.Lower), Finite(stated.Upper), notStated.Count == 0 ? null : Finite(notStated.Value), null),
                notStated.Count == 0 ? null
                    : new SegmentResult(segment.Name, "Not stated", measure, share, notStated.Count, notStated.Value, Finite(notStated.Lower), Finite(notStated.Upper), Finite(stated.Value), null)));
        }

        return bases;
    }

    // The features the engine kept out of the joint model, each with its reason (the engine's note, which starts with
    // the feature's name).
    private static List<LeftOutDriver> LeftOut(DriverAnalysis drivers)
        => [.. drivers.Drivers.Where(d => d.Quadrant is null).Select(d => new LeftOutDriver(d.Item, d.Answered, Finite(d.MeanScore), Finite(d.Performance),
            drivers.Excluded.FirstOrDefault(e => e.StartsWith(d.Item + ": ", StringComparison.Ordinal)) is { } note ? note[(d.Item.Length + 2)..] : "not in the joint model"))];

    /// <summary>A quadrant as users read it.</summary>
    public static string Quadrant(GridQuadrant quadrant) => quadrant switch
    {
        GridQuadrant.ConcentrateHere => "concentrate here",
        GridQuadrant.KeepUpTheGoodWork => "keep up the good work",
        GridQuadrant.LowPriority => "low priority",
        _ => "possible overkill",
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
