using System.Globalization;

namespace Stepwise.Statistics.Targets;

/// <summary>
/// Reads targets written as <c>METRIC[:COLUMN] (&gt;=|&lt;=) VALUE[%]</c>, e.g. <c>csat&gt;=80%</c>, <c>nps&gt;=20</c>,
/// <c>mean:Seat comfort&gt;=3.5</c>, <c>response-time:Arrival Delay in Minutes&lt;=15</c>. Metric names:
/// csat, mean, top2, nps, ces, fcr, response-time, qa.
/// </summary>
public static class TargetSpec
{
    private static readonly (string Name, QualityMetric Metric)[] Names =
    [
        ("csat", QualityMetric.CsatPercent), ("mean", QualityMetric.MeanScore), ("top2", QualityMetric.TopTwoBox),
        ("nps", QualityMetric.NetPromoterScore), ("ces", QualityMetric.CustomerEffortScore), ("fcr", QualityMetric.FirstContactResolution),
        ("response-time", QualityMetric.ResponseTime), ("qa", QualityMetric.QaScore),
    ];

    /// <summary>The short name of a metric (<c>csat</c>, <c>nps</c>, ...).</summary>
    public static string NameOf(QualityMetric metric) => Names.First(n => n.Metric == metric).Name;

    /// <summary>The metric with short name <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">No metric has that name.</exception>
    public static QualityMetric ParseMetric(string name)
    {
        foreach (var (n, m) in Names)
        {
            if (string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(m.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        throw new FormatException($"'{name}' is not a metric; use one of: {string.Join(", ", Names.Select(x => x.Name))}.");
    }

    /// <summary>Parses one target.</summary>
    /// <exception cref="FormatException">The text does not follow the pattern.</exception>
    public static Target Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int op = text.IndexOf(">=", StringComparison.Ordinal);
        var direction = TargetDirection.AtLeast;
        if (op < 0)
        {
            op = text.IndexOf("<=", StringComparison.Ordinal);
            direction = TargetDirection.AtMost;
        }

        if (op <= 0)
        {
            throw new FormatException($"'{text}' is not a target; expected METRIC[:COLUMN]>=VALUE or <=VALUE, e.g. csat>=80% or mean:Seat comfort>=3.5.");
        }

        string left = text[..op].Trim();
        string right = text[(op + 2)..].Trim();
        string? column = null;
        int colon = left.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            column = left[(colon + 1)..].Trim();
            left = left[..colon].Trim();
        }

        var metric = ParseMetric(left);
        bool percent = right.EndsWith('%');
        if (!double.TryParse(percent ? right[..^1] : right, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new FormatException($"'{right}' in target '{text}' is not a number.");
        }

        if (percent && metric != QualityMetric.NetPromoterScore)
        {
            value /= 100;
        }

        // A share cannot be reached beyond 0-100%, nor an NPS beyond -100..100: such a target is a typing error, not a
        // target to report as missed for ever.
        bool share = metric is QualityMetric.CsatPercent or QualityMetric.TopTwoBox or QualityMetric.FirstContactResolution;
        if (share && (value < 0 || value > 1))
        {
            throw new FormatException($"'{right}' in target '{text}' is not a share; give 0% to 100% (or 0 to 1), e.g. {NameOf(metric)}>=80%.");
        }

        if (metric == QualityMetric.NetPromoterScore && (value < -100 || value > 100))
        {
            throw new FormatException($"'{right}' in target '{text}' is not a Net Promoter Score; give -100 to 100, e.g. nps>=20.");
        }

        return new Target(metric, direction, value, string.IsNullOrEmpty(column) ? null : column);
    }
}
