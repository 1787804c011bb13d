using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Inference;

namespace Stepwise.Monitoring.Inference;

/// <summary>The difference of two means, after minus before, with Welch's t interval (Welch-Satterthwaite degrees of
/// freedom) and the p-value of Welch's test.</summary>
internal static class MeanDifference
{
    /// <summary>Compares the means of <paramref name="before"/> and <paramref name="after"/> (at least two values each).</summary>
    public static TwoSampleResult Compare(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double confidence, string test = "Welch t")
    {
        var (n1, m1, v1) = Means.Moments(before);
        var (n2, m2, v2) = Means.Moments(after);
        double s1 = v1 / n1, s2 = v2 / n2, se = Math.Sqrt(s1 + s2), d = m2 - m1;
        var afterInterval = Means.TInterval(after, confidence);
        if (se == 0)
        {
            return new TwoSampleResult(test, m1, m2, d, d, d, d == 0 ? 1 : 0, 0, n1, n2, afterInterval.Lower, afterInterval.Upper);
        }

        var welch = WelchTest.Compare(after, before);
        double half = Critical.T(confidence, welch.DegreesOfFreedom) * se;
        return new TwoSampleResult(test, m1, m2, d, d - half, d + half, welch.PValue, se, n1, n2, afterInterval.Lower, afterInterval.Upper);
    }
}
