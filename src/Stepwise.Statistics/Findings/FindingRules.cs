using System.Globalization;
using Stepwise.Statistics.Drivers;
using Stepwise.Statistics.Segments;
using Stepwise.Statistics.Targets;

namespace Stepwise.Statistics.Findings;

/// <summary>
/// Turns analysis results into findings: targets missed or undecided, key drivers in the "concentrate here" quadrant,
/// significant segment gaps, and (from values the caller computes with the text engine) negative themes.
/// </summary>
public static class FindingRules
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A finding for every target missed with confidence (priority 1) or undecided below target (priority 3).</summary>
    public static IEnumerable<Finding> FromTargets(IEnumerable<TargetAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        foreach (var a in assessments)
        {
            if (a.Verdict == TargetVerdict.MetWithConfidence || (a.Verdict == TargetVerdict.Undecided && a.Gap >= 0))
            {
                continue;
            }

            string metric = TargetSpec.NameOf(a.Target.Metric);
            var evidence = new List<Evidence>
            {
                new(metric + " of " + a.Subject, Format(a.Estimate.Value, a.Target.Metric) + " [" + Format(a.Estimate.Lower, a.Target.Metric) + ", " + Format(a.Estimate.Upper, a.Target.Metric) + "] at " + (a.Estimate.Confidence * 100).ToString("0", Invariant) + "% confidence"),
                new("target", a.Target.ToString()),
                new("responses", a.Estimate.Count.ToString("N0", Invariant)),
            };
            bool missed = a.Verdict == TargetVerdict.MissedWithConfidence;
            string summary = missed
                ? $"{metric} of {a.Subject} misses its target with confidence ({Format(a.Estimate.Value, a.Target.Metric)} against {Format(a.Target.Value, a.Target.Metric)})."
                : $"{metric} of {a.Subject} is below its target but the interval includes it ({Format(a.Estimate.Value, a.Target.Metric)} against {Format(a.Target.Value, a.Target.Metric)}).";
            yield return new Finding(FindingKind.TargetGap, $"{metric} of {a.Subject}", summary, missed ? 1 : 3, evidence);
        }
    }

    /// <summary>A finding for every item in the "concentrate here" quadrant (priority 1 for the most important of them).</summary>
    public static IEnumerable<Finding> FromDrivers(DriverAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        int rank = 0;
        foreach (var d in analysis.Drivers)
        {
            if (d.Quadrant != GridQuadrant.ConcentrateHere)
            {
                continue;
            }

            rank++;
            var evidence = new List<Evidence>
            {
                new("importance", (d.Importance * 100).ToString("0.0", Invariant) + "% of the explained variance of " + analysis.Outcome + " (R² " + analysis.RSquared.ToString("0.00", Invariant) + ")"),
                new("correlation", d.Correlation.ToString("0.00", Invariant)),
                new("performance", d.Performance.ToString("0", Invariant) + "/100 (mean " + d.MeanScore.ToString("0.00", Invariant) + ", top-2-box " + (d.TopTwoBox * 100).ToString("0", Invariant) + "%)"),
                new("responses", d.Answered.ToString("N0", Invariant)),
            };
            yield return new Finding(FindingKind.Driver, d.Item, $"{d.Item} is a key driver of {analysis.Outcome} and performs below the other items.", rank <= 2 ? 1 : 2, evidence);
        }
    }

    /// <summary>A finding for every group that is significantly worse than the rest (after adjustment).</summary>
    public static IEnumerable<Finding> FromSegments(IEnumerable<SegmentDifference> differences, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(differences);
        foreach (var d in differences)
        {
            if (!d.IsSignificant(alpha) || d.GroupValue >= d.RestValue)
            {
                continue;
            }

            var evidence = new List<Evidence>
            {
                new(d.Measure, $"{d.GroupValue.ToString("0.###", Invariant)} in {d.Group} (n = {d.GroupCount.ToString(Invariant)}) against {d.RestValue.ToString("0.###", Invariant)} for the rest (n = {d.RestCount.ToString(Invariant)})"),
                new("test", $"{d.Test.Test}, adjusted p = {d.AdjustedPValue.ToString("0.####", Invariant)}, effect {d.Test.EffectSize.ToString("0.00", Invariant)}"),
            };
            yield return new Finding(FindingKind.SegmentGap, $"{d.Segment} = {d.Group}", $"{d.Group} ({d.Segment}) has lower {d.Measure} than the other responses.", 2, evidence);
        }
    }

    /// <summary>A finding for a theme of comments that is negative on balance or comes with lower scores.</summary>
    /// <param name="theme">The theme's name.</param>
    /// <param name="comments">Comments in the theme.</param>
    /// <param name="share">Their share of all comments.</param>
    /// <param name="meanSentiment">Mean sentiment of those comments (-1..1).</param>
    /// <param name="scoreDifference">Mean score of those comments minus that of the others (NaN when no scores).</param>
    /// <param name="adjustedPValue">Adjusted p-value of that difference.</param>
    /// <param name="quotes">Representative quotes, already redacted.</param>
    /// <returns>The finding, or <see langword="null"/> when the theme is neither negative nor linked to lower scores.</returns>
    public static Finding? FromTheme(string theme, int comments, double share, double meanSentiment, double scoreDifference, double adjustedPValue, IReadOnlyList<string> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        bool lowerScores = scoreDifference < 0 && adjustedPValue < 0.05;
        if (!(meanSentiment < 0 || lowerScores))
        {
            return null;
        }

        var evidence = new List<Evidence>
        {
            new("comments", comments.ToString("N0", Invariant) + " (" + (share * 100).ToString("0.0", Invariant) + "% of comments)"),
            new("sentiment", meanSentiment.ToString("0.00", Invariant)),
        };
        if (!double.IsNaN(scoreDifference))
        {
            evidence.Add(new("score difference", scoreDifference.ToString("+0.00;-0.00", Invariant) + " against other comments (adjusted p = " + adjustedPValue.ToString("0.####", Invariant) + ")"));
        }

        evidence.AddRange(quotes.Select(q => new Evidence("quote", q)));
        int priority = lowerScores && share >= 0.05 ? 1 : 2;
        return new Finding(FindingKind.Theme, theme, $"Comments about {theme} are {(meanSentiment < 0 ? "negative on balance" : "mixed")}{(lowerScores ? " and come with lower scores" : string.Empty)}.", priority, evidence);
    }

    private static string Format(double value, QualityMetric metric) => metric switch
    {
        QualityMetric.CsatPercent or QualityMetric.TopTwoBox or QualityMetric.FirstContactResolution => (value * 100).ToString("0.0", Invariant) + "%",
        QualityMetric.NetPromoterScore => value.ToString("0.0", Invariant),
        _ => value.ToString("0.00", Invariant),
    };
}
