namespace Stepwise.Maps.Layout;

/// <summary>Counts edge crossings of a layered drawing: between two adjacent ranks, two segments cross when their
/// ends are in opposite order. Counted per rank pair as inversions with a Fenwick tree, O(E log V).</summary>
internal static class CrossingCounter
{
    public static int Total(ProperGraph g, int[] position)
    {
        int total = 0;
        long[] scratch = new long[Math.Max(1, g.SegmentUpper.Length)];
        int[] tree = [];
        for (int r = 0; r + 1 < g.RankCount; r++)
        {
            int width = g.Order[r + 1].Length;
            if (tree.Length < width + 1)
            {
                tree = new int[width + 1];
            }

            total += Between(g, r, position, scratch, tree.AsSpan(0, width + 1));
        }

        return total;
    }

    public static int Between(ProperGraph g, int rank, int[] position, long[] scratch, Span<int> tree)
    {
        int count = 0;
        for (int i = g.RankSegmentStart[rank]; i < g.RankSegmentStart[rank + 1]; i++)
        {
            int s = g.RankSegments[i];
            scratch[count++] = ((long)position[g.SegmentUpper[s]] << 32) | (uint)position[g.SegmentLower[s]];
        }

        if (count < 2)
        {
            return 0;
        }

        var pairs = scratch.AsSpan(0, count);
        pairs.Sort();
        tree.Clear();
        int crossings = 0, seen = 0;
        foreach (long pair in pairs)
        {
            int lower = (int)(pair & 0xffffffff);
            // Segments seen so far with a lower end strictly to the right of this one cross it.
            int atMost = 0;
            for (int k = lower + 1; k > 0; k -= k & -k)
            {
                atMost += tree[k];
            }

            crossings += seen - atMost;
            for (int k = lower + 1; k < tree.Length; k += k & -k)
            {
                tree[k]++;
            }

            seen++;
        }

        return crossings;
    }
}
