using System.Globalization;
using Stepwise.Mining.Statistics;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Monitoring.Inference;

/// <summary>
/// The percentile bootstrap of the difference of two quantiles, without building resamples. A quantile interpolates
/// between the order statistics at 0-based ranks j and j + 1 (h = (n - 1) p, j = floor h, numpy's default); in a
/// resample those are the original sorted values at indices floor(n U(r)) and floor(n U(r+1)), where U(r) and U(r+1)
/// are the r-th and next order statistics of n uniforms (r = j + 1), because a resample draws indices floor(n V) with
/// V uniform and floor keeps the order. U(r) ~ Beta(r, n - r + 1), and given it, U(r+1) = U(r) + (1 - U(r)) M with M
/// the least of n - r uniforms. So each resample costs two draws instead of n, and the bootstrap distribution is the
/// same as that of resampling with replacement (the tests check both against each other and against the exact
/// bootstrap distribution of the median).
/// </summary>
internal static class QuantileBootstrap
{
    /// <summary>Compares the <paramref name="p"/>-quantiles of two samples.</summary>
    /// <param name="before">The before values (any order, no NaN).</param>
    /// <param name="after">The after values.</param>
    /// <param name="p">The quantile, 0 to 1.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">The seed of this comparison's stream.</param>
    /// <param name="confidence">The confidence level of the intervals.</param>
    public static TwoSampleResult Compare(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double p, int resamples, long seed, double confidence)
    {
        var x = Sorted(before);
        var y = Sorted(after);
        var sampler = new BetaSampler(new SeededRandom(seed));
        var diffs = new double[resamples];
        var afters = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            double bx = Draw(x, p, sampler);
            double by = Draw(y, p, sampler);
            diffs[b] = by - bx;
            afters[b] = by;
        }

        double qx = DistributionSummary.Sorted(x, p), qy = DistributionSummary.Sorted(y, p);
        double alpha = 1 - confidence;
        var sortedDiffs = (double[])diffs.Clone();
        Array.Sort(sortedDiffs);
        Array.Sort(afters);
        int atOrBelow = 0, atOrAbove = 0;
        double mean = 0;
        foreach (double d in diffs)
        {
            atOrBelow += d <= 0 ? 1 : 0;
            atOrAbove += d >= 0 ? 1 : 0;
            mean += d;
        }

        mean /= resamples;
        double ss = 0;
        foreach (double d in diffs)
        {
            ss += (d - mean) * (d - mean);
        }

        // The p-value that inverts the percentile interval: the interval at level 1 - p just touches zero.
        double pValue = Math.Min(1, 2.0 * (Math.Min(atOrBelow, atOrAbove) + 1) / (resamples + 1));
        string test = string.Create(CultureInfo.InvariantCulture, $"bootstrap of the {Name(p)} ({resamples:N0} resamples)");
        return new TwoSampleResult(
            test,
            qx,
            qy,
            qy - qx,
            DistributionSummary.Sorted(sortedDiffs, alpha / 2),
            DistributionSummary.Sorted(sortedDiffs, 1 - (alpha / 2)),
            pValue,
            Math.Sqrt(ss / (resamples - 1)),
            x.Length,
            y.Length,
            DistributionSummary.Sorted(afters, alpha / 2),
            DistributionSummary.Sorted(afters, 1 - (alpha / 2)))
        {
            Replicates = diffs,
        };
    }

    /// <summary>One bootstrap replicate of the <paramref name="p"/>-quantile of the sorted values <paramref name="x"/>.</summary>
    public static double Draw(double[] x, double p, BetaSampler sampler)
    {
        int n = x.Length;
        if (n == 1)
        {
            return x[0];
        }

        double h = (n - 1) * p;
        int j = (int)Math.Floor(h);
        double g = h - j;
        int r = j + 1;
        double u = sampler.Beta(r, n - r + 1);
        int first = Math.Min(n - 1, (int)(n * u));
        if (g == 0 || j + 1 >= n)
        {
            return x[first];
        }

        // The least of the n - r uniforms above U(r), drawn as 1 - V^(1/(n-r)) without losing digits.
        double least = -double.ExpM1(Math.Log(sampler.Uniform()) / (n - r));
        double next = u + ((1 - u) * least);
        int second = Math.Min(n - 1, (int)(n * next));
        return x[first] + (g * (x[second] - x[first]));
    }

    private static double[] Sorted(ReadOnlySpan<double> values)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return copy;
    }

    private static string Name(double p) => p == 0.5 ? "median" : string.Create(CultureInfo.InvariantCulture, $"{p * 100:0.#}th percentile");
}
