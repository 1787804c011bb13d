namespace Stepwise.Statistics.Estimates;

/// <summary>
/// A point estimate with its two-sided confidence interval. Proportions are shares between 0 and 1; NPS is on
/// its usual -100..100 scale; means are in the units of the scores.
/// </summary>
/// <param name="Value">The point estimate (NaN when there is no data).</param>
/// <param name="Lower">The lower confidence bound.</param>
/// <param name="Upper">The upper confidence bound.</param>
/// <param name="Count">How many observations it rests on.</param>
/// <param name="Confidence">The confidence level, e.g. 0.95.</param>
public readonly record struct Estimate(double Value, double Lower, double Upper, int Count, double Confidence)
{
    /// <summary>An estimate with no data.</summary>
    public static Estimate Empty(double confidence) => new(double.NaN, double.NaN, double.NaN, 0, confidence);

    /// <summary>Half the width of the interval.</summary>
    public double Margin => (Upper - Lower) / 2;
}
