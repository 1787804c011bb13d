namespace Stepwise.Statistics.Estimates;

/// <summary>Means with Student t confidence intervals; NaN values are skipped as missing.</summary>
public static class Means
{
    /// <summary>The mean of the non-NaN <paramref name="values"/> with a t interval (n - 1 degrees of freedom).</summary>
    public static Estimate TInterval(ReadOnlySpan<double> values, double confidence = 0.95)
    {
        var (n, mean, variance) = Moments(values);
        if (n == 0)
        {
            return Estimate.Empty(confidence);
        }

        if (n == 1)
        {
            return new Estimate(mean, double.NaN, double.NaN, 1, confidence);
        }

        double half = Critical.T(confidence, n - 1) * Math.Sqrt(variance / n);
        return new Estimate(mean, mean - half, mean + half, n, confidence);
    }

    /// <summary>Count, mean and sample variance (n - 1 denominator) of the non-NaN values, by Welford's update.</summary>
    public static (int Count, double Mean, double Variance) Moments(ReadOnlySpan<double> values)
    {
        int n = 0;
        double mean = 0, m2 = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            n++;
            double delta = v - mean;
            mean += delta / n;
            m2 += delta * (v - mean);
        }

        return n == 0 ? (0, double.NaN, double.NaN) : (n, mean, n > 1 ? m2 / (n - 1) : double.NaN);
    }
}
