using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Feedback;

namespace Stepwise.Statistics.Targets;

/// <summary>Estimates quality metrics from a <see cref="FeedbackTable"/>, with confidence intervals.</summary>
public static class MetricEstimator
{
    /// <summary>
    /// Estimates <paramref name="metric"/> on <paramref name="column"/> (a score, the outcome or a measure; the overall
    /// score, else the outcome, when <see langword="null"/>) over the rows selected by <paramref name="rows"/> (all
    /// rows when <see langword="null"/>). Shares use the Wilson interval, means the t interval, NPS its own.
    /// </summary>
    /// <exception cref="ArgumentException">The column is not in the table, or does not suit the metric.</exception>
    public static (Estimate Estimate, string Subject) Estimate(FeedbackTable table, QualityMetric metric, string? column, double confidence = 0.95, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        bool wantsOutcome = column is not null && string.Equals(column, table.OutcomeName, StringComparison.OrdinalIgnoreCase);
        bool share = metric is QualityMetric.CsatPercent or QualityMetric.TopTwoBox or QualityMetric.FirstContactResolution;
        if (share && table.Outcome is not null && (wantsOutcome || (column is null && (table.Overall is null || metric == QualityMetric.FirstContactResolution))))
        {
            int yes = 0, n = 0;
            foreach (int r in Rows(table, rows))
            {
                if (table.Outcome[r] is bool b)
                {
                    n++;
                    yes += b ? 1 : 0;
                }
            }

            return (Proportions.Wilson(yes, n, confidence), table.OutcomeName!);
        }

        if (metric == QualityMetric.ResponseTime || (column is not null && table.FindScore(column) is null))
        {
            var measure = table.Measures.FirstOrDefault(m => string.Equals(m.Name, column, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(column is null
                    ? $"The {TargetSpec.NameOf(metric)} metric needs a measure column (e.g. a response time)."
                    : $"'{column}' is not a score, outcome or measure column of {table.Source}.");
            return (Means.TInterval(Select(measure.Values, table, rows), confidence), measure.Name);
        }

        var score = column is null ? table.Overall : table.FindScore(column);
        if (score is null)
        {
            throw new ArgumentException($"{table.Source} has no overall score; name the column the {TargetSpec.NameOf(metric)} target applies to.");
        }

        var values = Select(score.Values, table, rows);
        switch (metric)
        {
            case QualityMetric.NetPromoterScore:
                if (score.Scale.Min < 0 || score.Scale.Max != 10)
                {
                    throw new ArgumentException($"NPS needs a 0-10 (or 1-10) likelihood-to-recommend score; '{score.Name}' is on {score.Scale}.");
                }

                return (NetPromoterScore.Compute(values, confidence).Score, score.Name);
            case QualityMetric.CsatPercent:
            case QualityMetric.TopTwoBox:
            case QualityMetric.FirstContactResolution:
                {
                    int top = 0, n = 0;
                    foreach (double v in values)
                    {
                        if (!double.IsNaN(v))
                        {
                            n++;
                            top += score.Scale.IsTopBox(v) ? 1 : 0;
                        }
                    }

                    return (Proportions.Wilson(top, n, confidence), score.Name);
                }

            default:
                return (Means.TInterval(values, confidence), score.Name);
        }
    }

    private static IEnumerable<int> Rows(FeedbackTable table, IReadOnlyList<int>? rows) => rows ?? Enumerable.Range(0, table.Count);

    private static double[] Select(IReadOnlyList<double> values, FeedbackTable table, IReadOnlyList<int>? rows)
    {
        if (rows is null)
        {
            return values as double[] ?? [.. values];
        }

        var result = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }
}
