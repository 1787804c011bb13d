using MathNet.Numerics.Distributions;
using Stepwise.Statistics.Estimates;

namespace Stepwise.Statistics.Inference;

/// <summary>
/// Welch's unequal-variances t-test of two means, with Welch-Satterthwaite degrees of freedom: the right test for
/// means of scores on long scales or of measures, with groups of different sizes and spreads. The effect size is
/// Cohen's d with the pooled standard deviation (a - b).
/// </summary>
public static class WelchTest
{
    /// <summary>Compares the means of the non-NaN values of <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <exception cref="ArgumentException">A sample has fewer than two values.</exception>
    public static TestResult Compare(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var (n1, m1, v1) = Means.Moments(a);
        var (n2, m2, v2) = Means.Moments(b);
        if (n1 < 2 || n2 < 2)
        {
            throw new ArgumentException("Welch's test needs at least two values in each sample.");
        }

        double s1 = v1 / n1, s2 = v2 / n2;
        double se = Math.Sqrt(s1 + s2);
        double pooled = Math.Sqrt((((n1 - 1) * v1) + ((n2 - 1) * v2)) / (n1 + n2 - 2));
        double d = pooled > 0 ? (m1 - m2) / pooled : 0;
        if (se == 0)
        {
            return new TestResult("Welch t", 0, n1 + n2 - 2, m1 == m2 ? 1 : 0, d);
        }

        double t = (m1 - m2) / se;
        double df = (s1 + s2) * (s1 + s2) / ((s1 * s1 / (n1 - 1)) + (s2 * s2 / (n2 - 1)));
        double p = Math.Min(1, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
        return new TestResult("Welch t", t, df, p, d);
    }
}
