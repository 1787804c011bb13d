using MathNet.Numerics.Distributions;
using Stepwise.Mining.Statistics;
using Stepwise.Monitoring.Inference;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Monitoring.Tests;

/// <summary>The bootstrap of quantiles drawn from order statistics, against the exact bootstrap distribution of the
/// median and against resampling with replacement.</summary>
public sealed class BootstrapTests
{
    /// <summary>
    /// For an odd sample the bootstrap median is the k-th smallest value with probability
    /// P(Bin(n, k/n) &gt;= m) - P(Bin(n, (k-1)/n) &gt;= m), m = (n + 1) / 2: a resample's median is at most x(k) when at
    /// least m of its n draws are at most x(k) (Efron 1979; Maritz and Jarrett 1978).
    /// </summary>
    [Fact]
    public void Draw_OddSample_MatchesTheExactBootstrapDistributionOfTheMedian()
    {
        double[] x = [.. Enumerable.Range(1, 15).Select(i => (double)(i * i))];
        int n = x.Length, m = (n + 1) / 2, draws = 200_000;
        var sampler = new BetaSampler(new SeededRandom(9));
        var seen = new int[n];
        for (int i = 0; i < draws; i++)
        {
            seen[Array.IndexOf(x, QuantileBootstrap.Draw(x, 0.5, sampler))]++;
        }

        double AtMost(int k) => k == 0 ? 0 : 1 - Binomial.CDF((double)k / n, n, m - 1);
        for (int k = 1; k <= n; k++)
        {
            double exact = AtMost(k) - AtMost(k - 1);
            Assert.InRange(seen[k - 1] / (double)draws, exact - 0.004, exact + 0.004);
        }
    }

    /// <summary>An interpolated 90th percentile of an even sample, drawn from order statistics and by resampling with
    /// replacement: the two bootstrap distributions agree (Kolmogorov-Smirnov distance below 0.02 with 40,000 each).</summary>
    [Fact]
    public void Draw_InterpolatedQuantile_MatchesResamplingWithReplacement()
    {
        var random = new SeededRandom(4);
        double[] x = [.. Enumerable.Range(0, 40).Select(_ => Math.Exp(random.NextDouble() * 3)).Order()];
        int draws = 40_000;
        var sampler = new BetaSampler(new SeededRandom(5));
        var fast = new double[draws];
        var slow = new double[draws];
        var resample = new double[x.Length];
        for (int i = 0; i < draws; i++)
        {
            fast[i] = QuantileBootstrap.Draw(x, 0.9, sampler);
            for (int j = 0; j < x.Length; j++)
            {
                resample[j] = x[random.NextInt(x.Length)];
            }

            Array.Sort(resample);
            slow[i] = DistributionSummary.Sorted(resample, 0.9);
        }

        Array.Sort(fast);
        Array.Sort(slow);
        double ks = 0;
        foreach (double v in fast.Concat(slow).Distinct())
        {
            double f = UpperBound(fast, v) / (double)draws, s = UpperBound(slow, v) / (double)draws;
            ks = Math.Max(ks, Math.Abs(f - s));
        }

        Assert.True(ks < 0.02, $"Kolmogorov-Smirnov distance {ks:0.000}");
    }

    [Fact]
    public void Compare_SameSeed_SameResult_AndThePValueInvertsTheInterval()
    {
        var random = new SeededRandom(8);
        double[] before = [.. Enumerable.Range(0, 300).Select(_ => -Math.Log(random.NextDouble()) * 10)];
        double[] after = [.. Enumerable.Range(0, 250).Select(_ => -Math.Log(random.NextDouble()) * 7)];

        var first = QuantileBootstrap.Compare(before, after, 0.5, 4000, 21, 0.95);
        var second = QuantileBootstrap.Compare(before, after, 0.5, 4000, 21, 0.95);

        Assert.Equal(first.Low, second.Low);
        Assert.Equal(first.High, second.High);
        Assert.Equal(first.High < 0 || first.Low > 0, first.PValue < 0.05);
        Assert.Equal(DistributionSummary.Sorted([.. after.Order()], 0.5) - DistributionSummary.Sorted([.. before.Order()], 0.5), first.Difference, 12);
    }

    private static int UpperBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
