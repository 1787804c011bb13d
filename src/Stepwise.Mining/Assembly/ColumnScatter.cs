using System.Runtime.InteropServices;

namespace Stepwise.Mining.Assembly;

/// <summary>
/// Moves the entries of columns to new positions through one spare column of four bytes an event, so that a log is
/// put in case order in the arrays it was read into: the import holds its columns once plus the spare, instead of
/// two full sets. A column of four-byte values is scattered into the spare (sequential reads, independent writes,
/// which the memory system overlaps) and takes the spare's array, its old array becoming the spare. A column of
/// eight-byte values is moved in two halves: the low halves through the spare, the high halves packed into the first
/// half of the column's own array and scattered into its second half, then the two joined back in place.
/// (Following the permutation's cycles needs no spare at all but is several times slower: each step waits for the
/// last, and the events of a case lie far apart in a file.)
/// </summary>
internal sealed class ColumnScatter
{
    private readonly int[] _destination;
    private readonly int _count;
    private int[] _spare;

    /// <summary>A scatter of the first <paramref name="count"/> entries: entry i goes to <c>destination[i]</c>,
    /// every position in 0..count-1 exactly once.</summary>
    public ColumnScatter(int[] destination, int count, int[]? spare = null)
    {
        _destination = destination;
        _count = count;
        _spare = spare is not null && spare.Length >= count ? spare : GC.AllocateUninitializedArray<int>(count);
    }

    /// <summary>The spare column left over (the previous array of the last four-byte column scattered).</summary>
    public int[] Spare => _spare;

    /// <summary>Moves every entry of <paramref name="column"/> to its destination; the column comes back in the
    /// spare's array, and its old array becomes the spare.</summary>
    public void Apply(ref int[] column)
    {
        var target = _spare.AsSpan(0, _count);
        var destination = _destination.AsSpan(0, _count);
        var source = column.AsSpan(0, _count);
        for (int i = 0; i < source.Length; i++)
        {
            target[destination[i]] = source[i];
        }

        (column, _spare) = (_spare, column);
    }

    /// <summary>Moves every entry of <paramref name="column"/> to its destination, within the same array.</summary>
    public void Apply(long[] column)
    {
        int n = _count;
        var destination = _destination.AsSpan(0, n);
        var low = _spare.AsSpan(0, n);
        var values = column.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            low[destination[i]] = (int)values[i];
        }

        // The column's array seen as 2n halves: the high half of entry i is written to half i, which belongs to
        // entry i/2, already read (forward, i/2 <= i); then scattered from the first n halves into the last n.
        var halves = MemoryMarshal.Cast<long, int>(values);
        for (int i = 0; i < n; i++)
        {
            long value = values[i];
            halves[i] = (int)(value >> 32);
        }

        var high = halves[n..];
        for (int i = 0; i < n; i++)
        {
            high[destination[i]] = halves[i];
        }

        // Joined forward: entry k takes halves 2k and 2k+1, which held the high halves of entries 2k-n and 2k+1-n,
        // both at most k and so already joined.
        for (int k = 0; k < n; k++)
        {
            values[k] = ((long)high[k] << 32) | (uint)low[k];
        }
    }
}
