using System.Globalization;
using Stepwise.Charts;
using Stepwise.Review.Quality;
using Stepwise.Statistics.Feedback;

namespace Stepwise.Web.QualityReviews;

/// <summary>
/// The unit a quality metric's values are written in, so that every figure on the quality pages carries its unit: shares
/// (CSAT, top-2-box, first-contact resolution) as percentages (0.45 is written 45%), NPS in points, means as scores,
/// response times in the unit their column names. The same rule as the reports'.
/// </summary>
public static class QualityUnits
{
    /// <summary>The measure of a metric computed by <paramref name="statistic"/> (csat, top2, nps, ...), on <paramref name="column"/>.</summary>
    public static Measure MeasureOf(string metric, string? statistic, string? column = null) => statistic switch
    {
        "csat" or "top2" or "fcr" => Measure.Percent(metric, 1),
        "nps" => Measure.Number(metric, "points", 0),
        "response-time" => Measure.Number(metric, TimeUnitOf(column), 1),
        _ => Measure.Number(metric, "score", 2),
    };

    /// <summary>The measure of a planned measure.</summary>
    public static Measure MeasureOf(PlannedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return MeasureOf(measure.Metric, measure.Statistic, measure.Column);
    }

    /// <summary>The measure of a result, from the plan's line for its metric (a score when the plan no longer has it).</summary>
    public static Measure MeasureOf(QualityReview plan, string metric)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Measure(metric) is { } m ? MeasureOf(m) : MeasureOf(metric, null);
    }

    /// <summary>What one value of the measure is, for a table's unit column: "% of responses", "points (−100 to 100)", "mean score".</summary>
    public static string UnitName(string? statistic, string? column = null) => statistic switch
    {
        "csat" or "top2" or "fcr" => "% of responses",
        "nps" => "points (−100 to 100)",
        "response-time" when TimeUnitOf(column) is { Length: > 0 } unit => $"mean, {unit}",
        "response-time" => "mean, in the column's unit",
        null => "recorded by hand",
        _ => "mean score",
    };

    /// <summary>The statistics a planned measure may be computed by, by code, in the order a form offers them.</summary>
    public static IReadOnlyList<string> Statistics { get; } = ["csat", "top2", "mean", "nps", "ces", "fcr", "response-time", "qa"];

    /// <summary>A statistic's plain name: "top2" → "Top-2-box"; the code itself when it is not known; "Measured elsewhere" for none.</summary>
    public static string StatisticName(string? statistic) => statistic switch
    {
        null or "" => "Measured elsewhere",
        "csat" => "CSAT (customer satisfaction)",
        "top2" => "Top-2-box",
        "mean" => "Mean score",
        "nps" => "Net Promoter Score",
        "ces" => "Customer Effort Score",
        "fcr" => "First-contact resolution",
        "response-time" => "Response time",
        "qa" => "QA scorecard score",
        _ => statistic,
    };

    /// <summary>What a statistic computes, in one line, as a manager reads it.</summary>
    public static string StatisticExplanation(string? statistic) => statistic switch
    {
        null or "" => "Not computed from a feedback file: the result is recorded by hand.",
        "csat" => "Share of satisfied responses: those answering yes (the outcome column) or scoring in the top two points of the satisfaction scale.",
        "top2" => "Share of responses scoring in the top two points of the scale (4 or 5 on a 1-5 scale).",
        "mean" => "The average score on the column's rating scale.",
        "nps" => "Promoters (9-10) minus detractors (0-6), as a share of the 0-10 likelihood-to-recommend answers, in points from −100 to 100.",
        "ces" => "The average effort score (lower is usually better: less effort for the customer).",
        "fcr" => "Share of contacts resolved at the first contact (a yes/no column).",
        "response-time" => "The average response or handling time, in the column's unit.",
        "qa" => "The average quality-assurance scorecard score, in the scorecard's units.",
        _ => "A statistic this version does not describe.",
    };

    /// <summary>A statistic named and explained on one line: "Top-2-box: share of responses scoring in the top two points of the scale (4 or 5 on a 1-5 scale)".</summary>
    public static string StatisticChoice(string? statistic)
    {
        string explanation = StatisticExplanation(statistic);
        return $"{StatisticName(statistic)}: {char.ToLowerInvariant(explanation[0])}{explanation[1..]}".TrimEnd('.');
    }

    /// <summary>A value written with as few decimals as it needs (at most the measure's own): 45%, 3.5, 62.5%.</summary>
    public static string Exact(Measure measure, double value)
    {
        ArgumentNullException.ThrowIfNull(measure);
        double shown = measure.Kind == MeasureKind.Percent ? value * 100 : value;
        for (int decimals = 0; decimals < 4; decimals++)
        {
            if (Math.Abs(Math.Round(shown, decimals) - shown) < 1e-9)
            {
                return measure.Format(value, decimals);
            }
        }

        return measure.Format(value, Math.Max(measure.Decimals, 2));
    }

    /// <summary>
    /// A scale as it follows a score: " out of 5" for a scale from 0 or 1 (3.4 out of 5), " on the 2-6 scale" for
    /// another; empty when the scale is not known.
    /// </summary>
    public static string OutOf(ScoreScale? scale) => scale switch
    {
        null => string.Empty,
        { Min: 0 or 1 } s => string.Create(CultureInfo.InvariantCulture, $" out of {s.Max}"),
        { } s => string.Create(CultureInfo.InvariantCulture, $" on the {s.Min}–{s.Max} scale"),
    };

    /// <summary>Whether a measure computed by <paramref name="statistic"/> is a mean of scores on a rating scale.</summary>
    public static bool IsScore(string? statistic) => statistic is not (null or "csat" or "top2" or "fcr" or "nps" or "response-time");

    /// <summary>The limit of the standardised difference at or below which a group counts as under-represented.</summary>
    public const double UnderRepresentedAt = -0.1;

    /// <summary>
    /// A group's standardised difference (sample share minus population share, over the pooled standard deviation of
    /// a share) signed, with two decimals, or more where two would round it onto the limit of -0.10 and hide on which
    /// side of it the group lies ("−0.10" beside "under-represented: no" reads as a mistake).
    /// </summary>
    public static string Difference(double d)
    {
        int decimals = 2;
        while (decimals < 5 && d != UnderRepresentedAt && Math.Round(d, decimals) == UnderRepresentedAt)
        {
            decimals++;
        }

        string digits = new('0', decimals);
        return d.ToString($"+0.{digits};−0.{digits};0.{digits}", CultureInfo.InvariantCulture);
    }

    /// <summary>A target as people read it: "≥ 45%", "≤ 4", "≥ 20 points".</summary>
    public static string Target(PlannedMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return Target(MeasureOf(measure), measure.Target, measure.HigherIsBetter);
    }

    /// <summary>A target value with its direction.</summary>
    public static string Target(Measure measure, double target, bool higherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(measure);
        string value = Exact(measure, target);
        return $"{(higherIsBetter ? "≥" : "≤")} {value}{(measure.Unit == "points" ? " points" : string.Empty)}";
    }

    /// <summary>
    /// A revised field's value as people read it: a target kept as <c>&gt;=0.6</c> is written in the metric's unit
    /// (≥ 60% for a share); other fields as they are; "none" when empty.
    /// </summary>
    public static string Revised(PlannedMeasure? measure, string field, string? value)
    {
        if (value is null)
        {
            return "none";
        }

        if (field != "target" || measure is null)
        {
            return value;
        }

        string text = value.Trim();
        bool higher = !text.StartsWith("<=", StringComparison.Ordinal);
        string number = text.StartsWith(">=", StringComparison.Ordinal) || text.StartsWith("<=", StringComparison.Ordinal) ? text[2..] : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double target) && double.IsFinite(target)
            ? Target(MeasureOf(measure), target, higher)
            : value;
    }

    private static string TimeUnitOf(string? column)
    {
        string c = column?.ToLowerInvariant() ?? string.Empty;
        return c.Contains("minute", StringComparison.Ordinal) ? "minutes"
            : c.Contains("hour", StringComparison.Ordinal) ? "hours"
            : c.Contains("second", StringComparison.Ordinal) ? "seconds"
            : c.Contains("day", StringComparison.Ordinal) ? "days"
            : string.Empty;
    }
}
