using System.Globalization;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Time;

namespace Stepwise.Mining;

/// <summary>
/// The suspensions of step instances paired from lifecycle transitions (<c>suspend</c> to <c>resume</c>): time
/// within an instance that is not service time. Kept in the log as the text attribute
/// <c>lifecycle:suspensions</c> (<c>from/to;from/to</c>, ISO-8601 UTC), so they are stored and written with it.
/// </summary>
public sealed class Suspensions
{
    /// <summary>The attribute that holds them.</summary>
    public const string AttributeName = "lifecycle:suspensions";

    private readonly Dictionary<int, long[]> _byRow;

    private Suspensions(Dictionary<int, long[]> byRow) => _byRow = byRow;

    /// <summary>Instances with at least one suspension.</summary>
    public int Count => _byRow.Count;

    /// <summary>The suspensions of <paramref name="log"/>, or null when it has none.</summary>
    public static Suspensions? Of(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.EventAttributes.Find(AttributeName) is not StringColumn column)
        {
            return null;
        }

        var parsed = new long[column.Values.Count][];
        for (int v = 0; v < parsed.Length; v++)
        {
            parsed[v] = Parse(column.Values[v]);
        }

        var byRow = new Dictionary<int, long[]>();
        var codes = column.Codes;
        for (int row = 0; row < codes.Length; row++)
        {
            if (codes[row] >= 0 && parsed[codes[row]].Length > 0)
            {
                byRow[row] = parsed[codes[row]];
            }
        }

        return byRow.Count == 0 ? null : new Suspensions(byRow);
    }

    /// <summary>How long event <paramref name="row"/> was suspended, in ticks of <paramref name="measure"/>.</summary>
    public long PausedTicks(int row, DurationMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!_byRow.TryGetValue(row, out var intervals))
        {
            return 0;
        }

        long total = 0;
        for (int i = 0; i + 1 < intervals.Length; i += 2)
        {
            total += Math.Max(0, measure.Between(intervals[i], intervals[i + 1]));
        }

        return total;
    }

    /// <summary>Formats suspensions (pairs of UTC ticks) as the attribute stores them.</summary>
    internal static string Format(long[] intervals)
    {
        var parts = new List<string>(intervals.Length / 2);
        for (int i = 0; i + 1 < intervals.Length; i += 2)
        {
            parts.Add(Timestamp.Format(intervals[i]) + "/" + Timestamp.Format(intervals[i + 1]));
        }

        return string.Join(';', parts);
    }

    /// <summary>Reads the attribute's text; intervals that cannot be read are ignored.</summary>
    internal static long[] Parse(string text)
    {
        var result = new List<long>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0
                && DateTimeOffset.TryParse(part[..slash], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
                && DateTimeOffset.TryParse(part[(slash + 1)..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to)
                && to >= from)
            {
                result.Add(from.UtcTicks);
                result.Add(to.UtcTicks);
            }
        }

        return [.. result];
    }
}
