namespace Stepwise.Mining.Statistics;

/// <summary>
/// A summary of a set of durations, in seconds: count, mean, median, 90th percentile, minimum and maximum.
/// Percentiles interpolate linearly between the closest ranks (the definition of numpy's default and R's type 7):
/// the p-quantile of sorted values x[0..n-1] is x[h] + (h - floor(h)) (x[floor(h)+1] - x[floor(h)]) with h = (n-1)p.
/// An empty set has count 0 and NaN for every statistic.
/// </summary>
public readonly record struct DurationStatistics(long Count, double Mean, double Median, double P90, double Min, double Max)
{
    /// <summary>The summary of no values.</summary>
    public static DurationStatistics Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarises durations given in ticks; reorders <paramref name="ticks"/> in place.</summary>
    public static DurationStatistics FromTicks(Span<long> ticks)
    {
        int n = ticks.Length;
        if (n == 0)
        {
            return Empty;
        }

        double sum = 0;
        long min = long.MaxValue, max = long.MinValue;
        foreach (long t in ticks)
        {
            sum += t;
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        // The median's selection leaves every larger value above it, so the 90th percentile is selected within that
        // upper part only.
        double median = Quantiles.Select(ticks, 0.5, out int lo50);
        double p90 = Quantiles.SelectAbove(ticks, 0.9, lo50);
        const double s = TimeSpan.TicksPerSecond;
        return new DurationStatistics(n, sum / n / s, median / s, p90 / s, min / s, max / s);
    }
}

/// <summary>Quantiles by selection (expected linear time), with the interpolation rule of <see cref="DurationStatistics"/>.</summary>
public static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile of <paramref name="values"/> (reordered in place).</summary>
    public static double Select(Span<long> values, double p) => Select(values, p, out _);

    /// <summary>The <paramref name="p"/>-quantile of <paramref name="values"/> (reordered in place); <paramref name="rank"/>
    /// receives the lower rank used, below which no value is larger and above which none is smaller.</summary>
    public static double Select(Span<long> values, double p, out int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0);
        rank = 0;
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        double h = (values.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        rank = lo;
        long a = NthSmallest(values, lo);
        return Interpolate(values, h, lo, a);
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile of <paramref name="values"/> after a selection at rank
    /// <paramref name="selected"/> has left every value above that rank no smaller than it; only that upper part is
    /// searched. The quantile's rank must not be below <paramref name="selected"/>.
    /// </summary>
    public static double SelectAbove(Span<long> values, double p, int selected)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        double h = (values.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo < selected)
        {
            return Select(values, p);
        }

        long a = lo == selected ? values[lo] : NthSmallest(values[(selected + 1)..], lo - selected - 1);
        return Interpolate(values, h, lo, a);
    }

    private static double Interpolate(Span<long> values, double h, int lo, long a)
    {
        if (lo + 1 >= values.Length || h == lo)
        {
            return a;
        }

        // The next rank is the minimum of the part above lo after selection.
        long b = long.MaxValue;
        foreach (long v in values[(lo + 1)..])
        {
            b = Math.Min(b, v);
        }

        return a + ((h - lo) * (b - a));
    }

    /// <summary>The <paramref name="p"/>-quantile of doubles (reordered in place).</summary>
    public static double Select(Span<double> values, double p)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        DoubleSort.Sort(values);
        double h = (values.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        return lo + 1 >= values.Length ? values[lo] : values[lo] + ((h - lo) * (values[lo + 1] - values[lo]));
    }

    /// <summary>Rearranges <paramref name="values"/> so that position <paramref name="k"/> holds the k-th smallest,
    /// smaller or equal values before it and greater or equal after it (Hoare's selection, median-of-three).</summary>
    public static long NthSmallest(Span<long> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            if (right - left < 16)
            {
                values[left..(right + 1)].Sort();
                return values[k];
            }

            int mid = left + ((right - left) >> 1);
            if (values[mid] < values[left])
            {
                (values[mid], values[left]) = (values[left], values[mid]);
            }

            if (values[right] < values[left])
            {
                (values[right], values[left]) = (values[left], values[right]);
            }

            if (values[right] < values[mid])
            {
                (values[right], values[mid]) = (values[mid], values[right]);
            }

            long pivot = values[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}

/// <summary>
/// A fuller summary of a distribution of numbers (e.g. throughput times in seconds, events per case): count, mean,
/// standard deviation, minimum, quartiles, 10th and 90th percentiles, maximum (percentiles as in
/// <see cref="DurationStatistics"/>).
/// </summary>
public sealed record DistributionSummary(long Count, double Mean, double StandardDeviation, double Min, double P10, double P25, double Median, double P75, double P90, double Max)
{
    /// <summary>Summarises <paramref name="values"/> (sorted in place).</summary>
    public static DistributionSummary Of(Span<double> values)
    {
        int n = values.Length;
        if (n == 0)
        {
            return new DistributionSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        DoubleSort.Sort(values);
        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= n;
        double ss = 0;
        foreach (double v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return new DistributionSummary(n, mean, n > 1 ? Math.Sqrt(ss / (n - 1)) : 0, values[0], Sorted(values, 0.1), Sorted(values, 0.25), Sorted(values, 0.5), Sorted(values, 0.75), Sorted(values, 0.9), values[n - 1]);
    }

    /// <summary>The p-quantile of values already sorted ascending.</summary>
    public static double Sorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        return lo + 1 >= sorted.Length ? sorted[lo] : sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo]));
    }
}
