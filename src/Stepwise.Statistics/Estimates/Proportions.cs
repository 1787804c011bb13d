using MathNet.Numerics.Distributions;

namespace Stepwise.Statistics.Estimates;

/// <summary>Proportions (CSAT %, top-2-box, first-contact resolution) with confidence intervals.</summary>
public static class Proportions
{
    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="count"/>: it stays inside
    /// 0..1 and keeps close to its nominal coverage for small samples and shares near 0 or 1, unlike the Wald interval.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts are negative or successes exceed the count.</exception>
    public static Estimate Wilson(int successes, int count, double confidence = 0.95)
    {
        Check(successes, count);
        if (count == 0)
        {
            return Estimate.Empty(confidence);
        }

        double z = Critical.Z(confidence);
        double n = count, p = successes / n, z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half), count, confidence);
    }

    /// <summary>The Clopper-Pearson ("exact") interval from Beta quantiles: conservative, never below nominal coverage.</summary>
    public static Estimate ClopperPearson(int successes, int count, double confidence = 0.95)
    {
        Check(successes, count);
        Critical.CheckConfidence(confidence);
        if (count == 0)
        {
            return Estimate.Empty(confidence);
        }

        double alpha = 1 - confidence;
        double lower = successes == 0 ? 0 : Beta.InvCDF(successes, count - successes + 1, alpha / 2);
        double upper = successes == count ? 1 : Beta.InvCDF(successes + 1, count - successes, 1 - (alpha / 2));
        return new Estimate((double)successes / count, lower, upper, count, confidence);
    }

    private static void Check(int successes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, count);
    }
}
