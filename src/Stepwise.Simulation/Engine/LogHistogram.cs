namespace Stepwise.Simulation.Engine;

/// <summary>
/// A histogram of non-negative times with bins 0.5% wide on a log scale (from 1 second to about 30 years, below 1
/// second in one bin), so that quantiles of millions of cases cost a fixed 32 KB and no per-case memory.
/// </summary>
public sealed class LogHistogram
{
    private const double Ratio = 1.005;
    private const int Bins = 4400;
    private static readonly double LogRatio = Math.Log(Ratio);
    private readonly long[] _counts = new long[Bins];

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Sum of the values recorded.</summary>
    public double Sum { get; private set; }

    /// <summary>The mean, NaN when empty.</summary>
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Records a value (seconds; negative values count as 0).</summary>
    public void Add(double seconds)
    {
        int bin = seconds < 1 ? 0 : Math.Min(Bins - 1, 1 + (int)(Math.Log(seconds) / LogRatio));
        _counts[bin]++;
        Count++;
        Sum += Math.Max(0, seconds);
    }

    /// <summary>Adds every value of <paramref name="other"/>.</summary>
    public void Merge(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < Bins; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Sum += other.Sum;
    }

    /// <summary>The <paramref name="p"/>-quantile (0 to 1), interpolated within its bin; NaN when empty.</summary>
    public double Quantile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        double target = p * Count;
        long seen = 0;
        for (int i = 0; i < Bins; i++)
        {
            long c = _counts[i];
            if (c > 0 && seen + c >= target)
            {
                double within = Math.Clamp((target - seen) / c, 0, 1);
                double low = LowerEdge(i);
                double high = LowerEdge(i + 1);
                return i == 0 ? within * high : low * Math.Pow(high / low, within);
            }

            seen += c;
        }

        return LowerEdge(Bins);
    }

    /// <summary>The share of values at most <paramref name="seconds"/> (interpolated within a bin).</summary>
    public double Cdf(double seconds)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        int bin = seconds < 1 ? 0 : Math.Min(Bins - 1, 1 + (int)(Math.Log(seconds) / LogRatio));
        long below = 0;
        for (int i = 0; i < bin; i++)
        {
            below += _counts[i];
        }

        double low = LowerEdge(bin);
        double high = LowerEdge(bin + 1);
        double within = bin == 0 ? Math.Clamp(seconds / high, 0, 1) : Math.Clamp(Math.Log(seconds / low) / Math.Log(high / low), 0, 1);
        return (below + (within * _counts[bin])) / Count;
    }

    private static double LowerEdge(int bin) => bin == 0 ? 0 : Math.Pow(Ratio, bin - 1);
}
