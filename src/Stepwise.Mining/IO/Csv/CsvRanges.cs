using System.Globalization;
using System.Text;
using Stepwise.Mining.Assembly;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.IO.Sources;
using Stepwise.Mining.Time;

namespace Stepwise.Mining.IO.Csv;

/// <summary>Splits delimited content into waves and byte ranges that start after a line break, and counts lines.</summary>
internal static class CsvRanges
{
    /// <summary>How far a streamed wave looks for the line break that ends it.</summary>
    private const long MaxRowSearch = 80L << 20;

    /// <summary>
    /// The ranges of one wave: from <paramref name="start"/> (just after a line break) over about
    /// <paramref name="waveBytes"/>, ending after the next line break (or at the end of the data), split into up to
    /// <paramref name="parts"/> ranges that each start after a line break.
    /// </summary>
    internal static List<ByteRange> SplitRanges(ByteSource source, long start, long waveBytes, int parts, out long waveEnd, out bool last)
    {
        var ranges = new List<ByteRange>();
        // A wave ends after a line break; one not found within a row's maximum length leaves the wave's end at a
        // plain offset (the row there is too long anyway and is reported by the range that holds its start).
        waveEnd = waveBytes == long.MaxValue ? -1 : NextLineStart(source, start + waveBytes, MaxRowSearch);
        last = waveEnd < 0;
        if (last)
        {
            waveEnd = source.Complete();
        }

        long length = waveEnd - start;
        if (parts <= 1 || length < (8 << 20))
        {
            ranges.Add(new ByteRange(start, waveEnd));
            return ranges;
        }

        long from = start;
        for (int i = 1; i < parts; i++)
        {
            long nominal = start + (length * i / parts);
            if (nominal <= from)
            {
                continue;
            }

            long boundary = NextLineStart(source, nominal, source.IsStreamed ? MaxRowSearch : long.MaxValue);
            if (boundary < 0 || boundary >= waveEnd)
            {
                break;
            }

            ranges.Add(new ByteRange(from, boundary));
            from = boundary;
        }

        ranges.Add(new ByteRange(from, waveEnd));
        return ranges;
    }

    /// <summary>The offset just after the first line break at or after <paramref name="offset"/>; -1 when the
    /// data ends first; the offset reached when no line break is found within <paramref name="maxSearch"/> bytes.</summary>
    private static long NextLineStart(ByteSource source, long offset, long maxSearch)
    {
        Span<byte> window = stackalloc byte[1 << 16];
        long probe = offset;
        while (true)
        {
            if (probe - offset > maxSearch)
            {
                return probe;
            }

            int n = source.Read(probe, window);
            if (n <= 0)
            {
                return -1;
            }

            int lf = window[..n].IndexOf((byte)'\n');
            if (lf >= 0)
            {
                long boundary = probe + lf + 1;
                return boundary >= source.Length ? -1 : boundary;
            }

            probe += n;
        }
    }

    internal static int CountLineBreaks(ByteSource source, long start, long end)
    {
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var buffer = rented.AsSpan(0, 1 << 20);
            long count = 0;
            for (long pos = start; pos < end;)
            {
                int n = source.Read(pos, buffer[..(int)Math.Min(buffer.Length, end - pos)]);
                if (n <= 0)
                {
                    break;
                }

                count += buffer[..n].Count((byte)'\n');
                pos += n;
            }

            return (int)Math.Min(count, int.MaxValue - 1);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

/// <summary>
/// A range of a file's bytes, from <see cref="Start"/> up to <see cref="End"/> (exclusive). (A class: a list of a tuple
/// of longs is compiled on first use at every start.)
/// </summary>
internal sealed record ByteRange(long Start, long End);
