using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stepwise.Mining.Statistics;

/// <summary>
/// Sorts doubles ascending as <see cref="MemoryExtensions.Sort{T}(Span{T})"/> does (NaNs first, then every other value
/// in numeric order), by a least-significant-digit radix sort on the values' bits: linear in the count, and compiled
/// ahead of time with the rest of this assembly (the framework's sort for doubles is compiled on first use at every
/// start of the command, and a log's statistics sort tens of thousands of durations at once).
/// </summary>
public static class DoubleSort
{
    private const int Small = 64;

    /// <summary>Sorts <paramref name="values"/> in place.</summary>
    public static void Sort(Span<double> values)
    {
        int n = values.Length;
        if (n <= Small)
        {
            InsertionSort(values);
            return;
        }

        // NaNs first, as the framework's sort puts them; the rest by the radix sort of their order-preserving keys.
        int nans = 0;
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i]))
            {
                (values[nans], values[i]) = (values[i], values[nans]);
                nans++;
            }
        }

        // The keys take the values' own place (same width), so the sort needs one scratch array and nothing pooled.
        var keys = MemoryMarshal.Cast<double, ulong>(values[nans..]);
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = Key(keys[i]);
        }

        RadixSort(keys, GC.AllocateUninitializedArray<ulong>(keys.Length));
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = Bits(keys[i]);
        }
    }

    /// <summary>From a value's bits, a key whose unsigned order is the values' numeric order: positive values with
    /// the sign bit set, negative values with every bit flipped. Minus zero sorts just before zero (equal as numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ulong bits) => (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;

    /// <summary>The value's bits back from its key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(ulong key) => (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;

    /// <summary>Eight passes of one byte each, skipping a byte every key shares (most high bytes of durations).</summary>
    private static void RadixSort(Span<ulong> keys, Span<ulong> scratch)
    {
        Span<int> counts = stackalloc int[256];
        var from = keys;
        var to = scratch;
        for (int shift = 0; shift < 64; shift += 8)
        {
            counts.Clear();
            foreach (ulong key in from)
            {
                counts[(int)((key >> shift) & 0xFF)]++;
            }

            if (counts[(int)((from[0] >> shift) & 0xFF)] == from.Length)
            {
                continue; // every key has this byte: the order stays as it is
            }

            int total = 0;
            for (int b = 0; b < 256; b++)
            {
                int c = counts[b];
                counts[b] = total;
                total += c;
            }

            foreach (ulong key in from)
            {
                to[counts[(int)((key >> shift) & 0xFF)]++] = key;
            }

            var swap = from;
            from = to;
            to = swap;
        }

        if (from != keys)
        {
            from.CopyTo(keys);
        }
    }

    private static void InsertionSort(Span<double> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && Before(v, values[j]))
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = v;
        }
    }

    /// <summary>Whether <paramref name="a"/> sorts strictly before <paramref name="b"/> (NaN first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(double a, double b) => double.IsNaN(a) ? !double.IsNaN(b) : a < b;
}
