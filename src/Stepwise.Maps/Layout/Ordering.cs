namespace Stepwise.Maps.Layout;

/// <summary>
/// Crossing reduction: orders the items of each rank by layer-by-layer sweeps (barycentre of the neighbours in the
/// rank just fixed), then swaps neighbours while that removes crossings (transposition), keeping the best order
/// seen. Items stay grouped by lane, lanes in id order.
/// </summary>
internal static class Ordering
{
    /// <summary>Orders <paramref name="g"/> in place and returns its crossing count.</summary>
    public static int Run(ProperGraph g, int sweeps)
    {
        var position = new int[g.ItemCount];
        Initial(g, position);
        int best = CrossingCounter.Total(g, position);
        var bestOrder = Snapshot(g.Order);
        var key = new double[g.ItemCount];
        int stale = 0;
        for (int sweep = 0; sweep < sweeps && best > 0 && stale < 3; sweep++)
        {
            for (int r = 1; r < g.RankCount; r++)
            {
                SortByBarycentre(g, r, position, key, up: true);
            }

            bool improved = Keep(g, position, ref best, ref bestOrder);
            for (int r = g.RankCount - 2; r >= 0; r--)
            {
                SortByBarycentre(g, r, position, key, up: false);
            }

            improved |= Keep(g, position, ref best, ref bestOrder);
            stale = improved ? 0 : stale + 1;
        }

        // Transposition is the costly refinement: run it once, on the best order the sweeps found.
        for (int r = 0; r < g.RankCount; r++)
        {
            g.Order[r] = bestOrder[r];
            Number(g.Order[r], position);
        }

        if (best > 0)
        {
            Transpose(g, position);
            best = CrossingCounter.Total(g, position);
        }

        return best;
    }

    /// <summary>The first order: rank 0 by id, every later rank by where its items are first reached from above.</summary>
    private static void Initial(ProperGraph g, int[] position)
    {
        var key = new double[g.ItemCount];
        for (int r = 0; r < g.RankCount; r++)
        {
            var order = g.Order[r];
            foreach (int item in order)
            {
                double first = double.PositiveInfinity;
                for (int k = g.UpStart[item]; k < g.UpStart[item + 1]; k++)
                {
                    first = Math.Min(first, position[g.Up[k]]);
                }

                key[item] = first;
            }

            Array.Sort(order, (a, b) =>
            {
                int c = g.Lane[a].CompareTo(g.Lane[b]);
                if (c == 0)
                {
                    c = key[a].CompareTo(key[b]);
                }

                return c != 0 ? c : a.CompareTo(b);
            });
            Number(order, position);
        }
    }

    private static void SortByBarycentre(ProperGraph g, int r, int[] position, double[] key, bool up)
    {
        var order = g.Order[r];
        var start = up ? g.UpStart : g.DownStart;
        var neighbours = up ? g.Up : g.Down;
        foreach (int item in order)
        {
            int from = start[item], to = start[item + 1];
            if (from == to)
            {
                key[item] = double.NaN; // keeps its place
                continue;
            }

            double sum = 0;
            for (int k = from; k < to; k++)
            {
                sum += position[neighbours[k]];
            }

            key[item] = sum / (to - from);
        }

        // Items without neighbours on that side stay where they are: fill their key from the items around them so
        // that a stable sort leaves them in place relative to their lane.
        int i = 0;
        while (i < order.Length)
        {
            if (!double.IsNaN(key[order[i]]))
            {
                i++;
                continue;
            }

            int j = i;
            while (j < order.Length && double.IsNaN(key[order[j]]))
            {
                j++;
            }

            double left = i > 0 && g.Lane[order[i - 1]] == g.Lane[order[i]] ? key[order[i - 1]] : double.NegativeInfinity;
            double right = j < order.Length && g.Lane[order[j]] == g.Lane[order[i]] ? key[order[j]] : double.PositiveInfinity;
            for (int k = i; k < j; k++)
            {
                key[order[k]] = double.IsInfinity(left) ? (double.IsInfinity(right) ? position[order[k]] : right - (j - k) * 1e-6)
                    : double.IsInfinity(right) ? left + (k - i + 1) * 1e-6 : left + ((right - left) * (k - i + 1) / (j - i + 1));
            }

            i = j;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = g.Lane[a].CompareTo(g.Lane[b]);
            if (c == 0)
            {
                c = key[a].CompareTo(key[b]);
            }

            return c != 0 ? c : position[a].CompareTo(position[b]);
        });
        Number(order, position);
    }

    /// <summary>Swaps neighbours of a lane while that lowers the crossings with both adjacent ranks.</summary>
    private static void Transpose(ProperGraph g, int[] position)
    {
        // Only ranks next to a rank that changed can improve; start with all of them.
        var dirty = new bool[g.RankCount];
        Array.Fill(dirty, true);
        for (int pass = 0; pass < 8; pass++)
        {
            bool any = false;
            var next = new bool[g.RankCount];
            for (int r = 0; r < g.RankCount; r++)
            {
                if (!dirty[r])
                {
                    continue;
                }

                var order = g.Order[r];
                bool changed = false;
                for (int i = 0; i + 1 < order.Length; i++)
                {
                    int a = order[i], b = order[i + 1];
                    if (g.Lane[a] != g.Lane[b])
                    {
                        continue;
                    }

                    int kept = PairCrossings(g, a, b, position), swapped = PairCrossings(g, b, a, position);
                    if (swapped < kept)
                    {
                        order[i] = b;
                        order[i + 1] = a;
                        position[a] = i + 1;
                        position[b] = i;
                        changed = true;
                    }
                }

                if (changed)
                {
                    any = true;
                    next[r] = true;
                    if (r > 0)
                    {
                        next[r - 1] = true;
                    }

                    if (r + 1 < g.RankCount)
                    {
                        next[r + 1] = true;
                    }
                }
            }

            if (!any)
            {
                return;
            }

            dirty = next;
        }
    }

    /// <summary>Crossings between the segments of <paramref name="left"/> and <paramref name="right"/> when
    /// <paramref name="left"/> is placed first.</summary>
    private static int PairCrossings(ProperGraph g, int left, int right, int[] position)
    {
        int c = 0;
        for (int i = g.UpStart[left]; i < g.UpStart[left + 1]; i++)
        {
            int p = position[g.Up[i]];
            for (int j = g.UpStart[right]; j < g.UpStart[right + 1]; j++)
            {
                c += p > position[g.Up[j]] ? 1 : 0;
            }
        }

        for (int i = g.DownStart[left]; i < g.DownStart[left + 1]; i++)
        {
            int p = position[g.Down[i]];
            for (int j = g.DownStart[right]; j < g.DownStart[right + 1]; j++)
            {
                c += p > position[g.Down[j]] ? 1 : 0;
            }
        }

        return c;
    }

    private static bool Keep(ProperGraph g, int[] position, ref int best, ref int[][] bestOrder)
    {
        int crossings = CrossingCounter.Total(g, position);
        if (crossings < best)
        {
            best = crossings;
            bestOrder = Snapshot(g.Order);
            return true;
        }

        return false;
    }

    private static int[][] Snapshot(int[][] order)
    {
        var copy = new int[order.Length][];
        for (int r = 0; r < order.Length; r++)
        {
            copy[r] = (int[])order[r].Clone();
        }

        return copy;
    }

    private static void Number(int[] order, int[] position)
    {
        for (int i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }
    }
}
