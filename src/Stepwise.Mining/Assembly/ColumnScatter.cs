using System.Runtime.InteropServices;

namespace Stepwise.Mining.Assembly;

/// <summary>
/// Moves the entries of columns to new positions through one spare column, so that a log is put in case order
/// in the arrays it was read into: the import holds its columns once plus one spare of eight bytes an event,
/// instead of two full sets. Each column is scattered into the spare (sequential reads, independent writes, which
/// the memory system overlaps) and copied back, or, for a column of eight-byte values, swapped with the spare.
/// </summary>
internal sealed class ColumnScatter
{
    private readonly int[] _destination;
    private readonly int _count;
    private long[] _spare;

    /// <summary>A scatter of the first <paramref name="count"/> entries: entry i goes to <c>destination[i]</c>.</summary>
    public ColumnScatter(int[] destination, int count, long[]? spare = null)
    {
        _destination = destination;
        _count = count;
        _spare = spare is not null && spare.Length >= count ? spare : GC.AllocateUninitializedArray<long>(count);
    }

    /// <summary>The spare column left over (the previous array of the last eight-byte column scattered).</summary>
    public long[] Spare => _spare;

    /// <summary>Moves every entry of <paramref name="column"/> to its destination, within the same array.</summary>
    public void Apply(int[] column)
    {
        var target = MemoryMarshal.Cast<long, int>(_spare.AsSpan())[.._count];
        var destination = _destination.AsSpan(0, _count);
        var source = column.AsSpan(0, _count);
        for (int i = 0; i < source.Length; i++)
        {
            target[destination[i]] = source[i];
        }

        target.CopyTo(source);
    }

    /// <summary>Moves every entry of <paramref name="column"/> to its destination; the column comes back in the
    /// spare's array, and its old array becomes the spare.</summary>
    public void Apply(ref long[] column)
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
}
