using System.Globalization;
using Stepwise.Mining.Time;
using Stepwise.Monitoring.Periods;

namespace Stepwise.Monitoring.Trends;

/// <summary>
/// Intervals of a period, counted from the change: before the change backwards from the change date (so no interval
/// straddles it), after it forwards from the end of the settling-in period. An interval is whole when it lies inside
/// the period's span; volume is counted over whole intervals only.
/// </summary>
internal sealed class Buckets
{
    private Buckets(long beforeAnchor, long beforeFrom, long afterAnchor, long afterTo, long interval)
    {
        BeforeAnchor = beforeAnchor;
        AfterAnchor = afterAnchor;
        Interval = interval;
        WholeBefore = (int)Math.Max(0, (beforeAnchor - beforeFrom) / interval);
        WholeAfter = (int)Math.Max(0, (afterTo + 1 - afterAnchor) / interval);
    }

    /// <summary>The interval in ticks.</summary>
    public long Interval { get; }

    /// <summary>The end of the before period (exclusive).</summary>
    public long BeforeAnchor { get; }

    /// <summary>The start of the after period.</summary>
    public long AfterAnchor { get; }

    /// <summary>Whole intervals before the change.</summary>
    public int WholeBefore { get; }

    /// <summary>Whole intervals after the change.</summary>
    public int WholeAfter { get; }

    /// <summary>The intervals of the resolved periods.</summary>
    public static Buckets Of(ResolvedPeriods periods, TrendInterval interval)
        => new(periods.BeforeTo, periods.BeforeFrom, periods.AfterFrom, periods.AfterTo, interval == TrendInterval.Day ? TimeSpan.TicksPerDay : 7 * TimeSpan.TicksPerDay);

    /// <summary>The index of the before interval holding <paramref name="ticks"/> (0 is the one ending at the change).</summary>
    public int BeforeIndex(long ticks) => (int)((BeforeAnchor - 1 - ticks) / Interval);

    /// <summary>The index of the after interval holding <paramref name="ticks"/> (0 is the first after the settling-in period).</summary>
    public int AfterIndex(long ticks) => (int)((ticks - AfterAnchor) / Interval);

    /// <summary>The start of before interval <paramref name="k"/>.</summary>
    public long BeforeStart(int k) => BeforeAnchor - ((k + 1L) * Interval);

    /// <summary>The start of after interval <paramref name="k"/>.</summary>
    public long AfterStart(int k) => AfterAnchor + (k * Interval);

    /// <summary>An interval's label: its first day (and time, when it does not start at midnight UTC).</summary>
    public static string Label(long start)
    {
        var at = Timestamp.ToDateTime(start);
        return at.TimeOfDay == TimeSpan.Zero
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Cases arriving in each whole interval of a period.</summary>
    public double[] Counts(long[] times, bool before)
    {
        int whole = before ? WholeBefore : WholeAfter;
        var counts = new double[whole];
        foreach (long t in times)
        {
            int k = before ? BeforeIndex(t) : AfterIndex(t);
            if (k >= 0 && k < whole)
            {
                counts[k]++;
            }
        }

        if (before)
        {
            Array.Reverse(counts);
        }

        return counts;
    }
}
