using MathNet.Numerics.Distributions;
using Stepwise.Mining.Statistics;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Inference;

namespace Stepwise.Monitoring.Inference;

/// <summary>
/// The Hodges-Lehmann estimate of the shift between two samples, the median of all n1 n2 differences after minus
/// before, with Moses' distribution-free interval: the C-th smallest and C-th largest difference. Where both samples
/// have at most 50 values and no value is tied, C and the p-value come from the exact distribution of the
/// Mann-Whitney statistic (as R's <c>wilcox.test</c> does); otherwise from its normal approximation, with the
/// tie-corrected Mann-Whitney test for the p-value. The k-th smallest difference is found without listing the
/// differences: by bisecting on the value and counting the differences at or below it with two pointers over the
/// sorted samples, O((n1 + n2) log) instead of O(n1 n2).
/// </summary>
internal static class HodgesLehmann
{
    /// <summary>The largest sample size for the exact distribution.</summary>
    public const int ExactLimit = 50;

    /// <summary>Compares <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static TwoSampleResult Compare(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double confidence)
    {
        var x = before.ToArray();
        var y = after.ToArray();
        Array.Sort(x);
        Array.Sort(y);
        int n1 = x.Length, n2 = y.Length;
        long total = (long)n1 * n2;
        double shift = total % 2 == 1
            ? KthDifference(x, y, (total + 1) / 2)
            : (KthDifference(x, y, total / 2) + KthDifference(x, y, (total / 2) + 1)) / 2;
        double alpha = 1 - confidence;
        long c;
        double p;
        bool exact = n1 <= ExactLimit && n2 <= ExactLimit && !HasTies(x, y);
        if (exact)
        {
            var cdf = MannWhitneyCdf(n1, n2);
            c = Math.Max(1, LowerQuantile(cdf, alpha / 2));
            long u = CountBelow(x, y);
            double lower = cdf[(int)u], upper = 1 - (u == 0 ? 0 : cdf[(int)u - 1]);
            p = Math.Min(1, 2 * Math.Min(lower, upper));
        }
        else
        {
            double z = Critical.Z(confidence);
            c = Math.Max(1, (long)Math.Round((total / 2.0) - (z * Math.Sqrt(total * (n1 + n2 + 1.0) / 12))));
            p = MannWhitneyTest.Compare(y, x).PValue;
        }

        c = Math.Min(c, total);
        double low = KthDifference(x, y, c), high = KthDifference(x, y, total - c + 1);
        double zc = Critical.Z(confidence);
        double afterMedian = DistributionSummary.Sorted(y, 0.5);
        var (afterLow, afterHigh) = MedianInterval(y, confidence);
        return new TwoSampleResult(
            exact ? "Hodges-Lehmann shift (exact Mann-Whitney)" : "Hodges-Lehmann shift (Mann-Whitney, normal approximation)",
            DistributionSummary.Sorted(x, 0.5),
            afterMedian,
            shift,
            low,
            high,
            p,
            (high - low) / (2 * zc),
            n1,
            n2,
            afterLow,
            afterHigh);
    }

    /// <summary>The k-th smallest (1-based) of the differences y[j] - x[i] of sorted samples.</summary>
    public static double KthDifference(double[] x, double[] y, long k)
    {
        double lo = y[0] - x[^1], hi = y[^1] - x[0];
        if (CountAtOrBelow(x, y, lo) >= k)
        {
            return lo;
        }

        // Invariant: fewer than k differences are at or below lo, at least k at or below hi.
        while (true)
        {
            double mid = lo + ((hi - lo) / 2);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (CountAtOrBelow(x, y, mid) >= k)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        // lo and hi are adjacent doubles; the answer is the least difference above lo.
        return LeastAbove(x, y, lo);
    }

    /// <summary>How many differences y[j] - x[i] are at most <paramref name="d"/>.</summary>
    internal static long CountAtOrBelow(double[] x, double[] y, double d)
    {
        long count = 0;
        int i = x.Length;
        for (int j = y.Length - 1; j >= 0; j--)
        {
            // y[j] - x[i] <= d  <=>  x[i] >= y[j] - d; as j falls the threshold falls, so i only moves down.
            while (i > 0 && y[j] - x[i - 1] <= d)
            {
                i--;
            }

            count += x.Length - i;
        }

        return count;
    }

    private static double LeastAbove(double[] x, double[] y, double d)
    {
        double best = double.PositiveInfinity;
        int i = 0;
        for (int j = 0; j < y.Length; j++)
        {
            // The least difference above d for this y[j] uses the largest x[i] with y[j] - x[i] > d.
            while (i < x.Length && y[j] - x[i] > d)
            {
                i++;
            }

            if (i > 0)
            {
                best = Math.Min(best, y[j] - x[i - 1]);
            }
        }

        return best;
    }

    private static bool HasTies(double[] x, double[] y)
    {
        var all = new double[x.Length + y.Length];
        x.CopyTo(all, 0);
        y.CopyTo(all, x.Length);
        Array.Sort(all);
        for (int i = 1; i < all.Length; i++)
        {
            if (all[i] == all[i - 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Mann-Whitney count of pairs with y below x (R's W for wilcox.test(y, x) is its complement).</summary>
    private static long CountBelow(double[] x, double[] y)
    {
        long count = 0;
        int j = 0;
        foreach (double xi in x)
        {
            while (j < y.Length && y[j] < xi)
            {
                j++;
            }

            count += j;
        }

        return count;
    }

    /// <summary>P(U &lt;= u) for u = 0..n1 n2 under the null, from the Gaussian binomial coefficient's coefficients:
    /// the number of arrangements with U = u is the coefficient of q^u in [n1 + n2 choose n1]_q.</summary>
    internal static double[] MannWhitneyCdf(int n1, int n2)
    {
        int max = n1 * n2;
        var poly = new double[max + 1];
        poly[0] = 1;
        for (int i = 1; i <= n1; i++)
        {
            // Multiply by (1 - q^(n2 + i)), then divide by (1 - q^i); terms above n1 n2 never reach the result.
            int shift = n2 + i;
            for (int k = max; k >= shift; k--)
            {
                poly[k] -= poly[k - shift];
            }

            for (int k = i; k <= max; k++)
            {
                poly[k] += poly[k - i];
            }
        }

        double sum = 0;
        foreach (double v in poly)
        {
            sum += v;
        }

        var cdf = new double[max + 1];
        double running = 0;
        for (int u = 0; u <= max; u++)
        {
            running += poly[u] / sum;
            cdf[u] = Math.Min(1, running);
        }

        return cdf;
    }

    /// <summary>The least u with P(U &lt;= u) at least <paramref name="p"/> (R's qwilcox).</summary>
    private static long LowerQuantile(double[] cdf, double p)
    {
        for (int u = 0; u < cdf.Length; u++)
        {
            if (cdf[u] >= p * (1 - 1e-12))
            {
                return u;
            }
        }

        return cdf.Length - 1;
    }

    /// <summary>The distribution-free interval of one median from order statistics (binomial ranks, normal approximation).</summary>
    private static (double Low, double High) MedianInterval(double[] sorted, double confidence)
    {
        int n = sorted.Length;
        double z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        int lower = Math.Max(0, (int)Math.Floor((n / 2.0) - (z * Math.Sqrt(n) / 2)) - 1);
        int upper = Math.Min(n - 1, (int)Math.Ceiling((n / 2.0) + (z * Math.Sqrt(n) / 2)));
        return (sorted[lower], sorted[upper]);
    }
}
