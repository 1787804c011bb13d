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
/// last, and the events of a case lie far apart in a file.) The scatters of a large log are split into one part of
/// the entries per processor: a permutation's parts write disjoint entries.
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
        var source = column;
        var target = _spare;
        ForParts((from, to) => Scatter(source, target, from, to));
        (column, _spare) = (_spare, column);
    }

    /// <summary>Entries <paramref name="from"/> to <paramref name="to"/> of <paramref name="source"/> written to
    /// their destinations in <paramref name="target"/>.</summary>
    private void Scatter(int[] source, int[] target, int from, int to)
    {
        var destination = _destination.AsSpan(from, to - from);
        var values = source.AsSpan(from, to - from);
        var into = target.AsSpan(0, _count);
        for (int i = 0; i < values.Length; i++)
        {
            into[destination[i]] = values[i];
        }
    }

    /// <summary>
    /// Runs <paramref name="part"/> over the entries 0..count-1, split into one contiguous part per processor when
    /// there are at least <see cref="ParallelFrom"/> of them. The destinations are a permutation, so the parts write
    /// disjoint entries: a scatter needs no lock and no second spare to use every core.
    /// </summary>
    private void ForParts(Action<int, int> part)
    {
        int parts = _count >= ParallelFrom ? Math.Min(Environment.ProcessorCount, 8) : 1;
        if (parts <= 1)
        {
            part(0, _count);
            return;
        }

        int count = _count;
        Parallel.For(0, parts, p => part((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts)));
    }

    /// <summary>Scatters of fewer entries than this run on one core (the parallel start costs more than it saves).</summary>
    internal const int ParallelFrom = 1 << 18;

    /// <summary>Moves every entry of <paramref name="column"/> to its destination, within the same array.</summary>
    public void Apply(long[] column)
    {
        int n = _count;
        var spare = _spare;
        ForParts((from, to) =>
        {
            var destination = _destination.AsSpan(from, to - from);
            var part = column.AsSpan(from, to - from);
            var into = spare.AsSpan(0, n);
            for (int i = 0; i < part.Length; i++)
            {
                into[destination[i]] = (int)part[i];
            }
        });

        var low = spare.AsSpan(0, n);
        var values = column.AsSpan(0, n);

        // The column's array seen as 2n halves: the high half of entry i is written to half i, which belongs to
        // entry i/2, already read (forward, i/2 <= i); then scattered from the first n halves into the last n.
        var halves = MemoryMarshal.Cast<long, int>(values);
        for (int i = 0; i < n; i++)
        {
            long value = values[i];
            halves[i] = (int)(value >> 32);
        }

        ForParts((from, to) =>
        {
            var destination = _destination.AsSpan(from, to - from);
            var all = MemoryMarshal.Cast<long, int>(column.AsSpan(0, n));
            var packed = all.Slice(from, to - from);
            var into = all[n..];
            for (int i = 0; i < packed.Length; i++)
            {
                into[destination[i]] = packed[i];
            }
        });

        var high = halves[n..];

        // Joined forward: entry k takes halves 2k and 2k+1, which held the high halves of entries 2k-n and 2k+1-n,
        // both at most k and so already joined.
        for (int k = 0; k < n; k++)
        {
            values[k] = ((long)high[k] << 32) | (uint)low[k];
        }
    }
}
