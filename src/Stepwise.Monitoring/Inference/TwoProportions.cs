using MathNet.Numerics.Distributions;
using Stepwise.Statistics.Estimates;

namespace Stepwise.Monitoring.Inference;

/// <summary>
/// The difference of two proportions, after minus before: Newcombe's hybrid score interval (1998, method 10, built
/// from the two Wilson intervals; it stays within -1..1 and keeps close to its level for small counts and rates near
/// 0 or 1) and the two-proportion z-test with the pooled proportion.
/// </summary>
internal static class TwoProportions
{
    /// <summary>Compares <paramref name="x1"/> of <paramref name="n1"/> before with <paramref name="x2"/> of <paramref name="n2"/> after.</summary>
    public static TwoSampleResult Compare(int x1, int n1, int x2, int n2, double confidence)
    {
        var before = Proportions.Wilson(x1, n1, confidence);
        var after = Proportions.Wilson(x2, n2, confidence);
        double p1 = before.Value, p2 = after.Value, d = p2 - p1;
        double low = d - Math.Sqrt(Square(p2 - after.Lower) + Square(before.Upper - p1));
        double high = d + Math.Sqrt(Square(after.Upper - p2) + Square(p1 - before.Lower));
        double pooled = (x1 + x2) / (double)(n1 + n2);
        double sePooled = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        double p = sePooled > 0 ? Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(d) / sePooled)) : 1;
        double se = Math.Sqrt((p1 * (1 - p1) / n1) + (p2 * (1 - p2) / n2));
        return new TwoSampleResult("difference of proportions (Newcombe interval, two-proportion z-test)", p1, p2, d, low, high, p, se, n1, n2, after.Lower, after.Upper);
    }

    /// <summary>Compares shares given as 0/1 values.</summary>
    public static TwoSampleResult Compare(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double confidence)
        => Compare(Successes(before), before.Length, Successes(after), after.Length, confidence);

    private static int Successes(ReadOnlySpan<double> values)
    {
        int x = 0;
        foreach (double v in values)
        {
            x += v > 0.5 ? 1 : 0;
        }

        return x;
    }

    private static double Square(double v) => v * v;
}
