namespace Stepwise.Maps.Layout;

/// <summary>
/// Crossing reduction. Two published layer-by-layer heuristics are run from the same start, each followed by
/// transposition (swapping neighbours while that removes crossings): the barycentre heuristic (Sugiyama, Tagawa and
/// Toda 1981) and the median heuristic (Eades and Wormald 1994; as refined in Gansner et al. 1993). The better result
/// then gets sifting passes (Matuszewski, Schönfeld and Molitor 1999: each item in turn moved to the place in its
/// rank where it crosses least), and transposition again; the order kept is never worse than the better heuristic.
/// Graphs beyond map size (see <see cref="SmallGraphItems"/>) are kept fast: one start, transposition only on the
/// better heuristic's order, no sifting.
/// Items stay grouped by lane, lanes in id order.
/// </summary>
internal static class Ordering
{
    /// <summary>Orders <paramref name="g"/> in place and returns the crossings each method reached.</summary>
    public static CrossingReport Run(ProperGraph g, int sweeps)
    {
        var position = new int[g.ItemCount];
        Initial(g, position);
        var starts = Starts(g);
        bool small = g.ItemCount <= SmallGraphItems;

        // Each heuristic from every start; sweeps only find local optima, so a few starts find better ones.
        int[][]? barycentreOrder = null, medianOrder = null;
        int barycentre = int.MaxValue, median = int.MaxValue;
        foreach (var start in starts)
        {
            var (b, bc) = Heuristic(g, start, position, sweeps, median: false, transpose: small);
            if (bc < barycentre)
            {
                (barycentreOrder, barycentre) = (b, bc);
            }

            var (m, mc) = Heuristic(g, start, position, sweeps, median: true, transpose: small);
            if (mc < median)
            {
                (medianOrder, median) = (m, mc);
            }
        }

        var bestOrder = median < barycentre ? medianOrder! : barycentreOrder!;
        int best = Math.Min(median, barycentre);
        Apply(g, bestOrder, position);
        if (!small && best > 0)
        {
            // Beyond map size transposition, the costly refinement, runs once, on the better heuristic's order.
            Transpose(g, position);
            best = CrossingCounter.Total(g, position);
            bestOrder = Snapshot(g.Order);
        }

        if (best > 0)
        {
            // Sifting is quadratic in a rank's items: graphs beyond map size keep the better heuristic's order.
            for (int pass = 0; pass < (small ? 4 : 0); pass++)
            {
                Sift(g, position);
                Transpose(g, position);
                int sifted = CrossingCounter.Total(g, position);
                if (sifted < best)
                {
                    best = sifted;
                    bestOrder = Snapshot(g.Order);
                }
                else
                {
                    break;
                }
            }

            Apply(g, bestOrder, position);
        }

        return new CrossingReport(barycentre, median, best);
    }

    /// <summary>The starting orders: the first order, and for graphs of map size also its mirror image within each lane
    /// and a few fixed shuffles within lanes (seeded, so the result never changes).</summary>
    private static List<int[][]> Starts(ProperGraph g)
    {
        var first = Snapshot(g.Order);
        var starts = new List<int[][]> { first };
        var mirror = Snapshot(first);
        foreach (var order in mirror)
        {
            ForEachLaneRun(g, order, (from, to) => Array.Reverse(order, from, to - from));
        }

        if (g.ItemCount <= SmallGraphItems)
        {
            starts.Add(mirror);
            var random = new Random(20240611);
            for (int k = 0; k < 8; k++)
            {
                var shuffled = Snapshot(first);
                foreach (var order in shuffled)
                {
                    ForEachLaneRun(g, order, (from, to) => random.Shuffle(order.AsSpan(from, to - from)));
                }

                starts.Add(shuffled);
            }
        }

        return starts;
    }

    /// <summary>Graphs up to this many items (nodes, edge points and labels) get the extra starts and several sifting
    /// passes; process maps of a few dozen steps are below it, larger graphs keep the layout fast instead.</summary>
    private const int SmallGraphItems = 1500;

    private static void ForEachLaneRun(ProperGraph g, int[] order, Action<int, int> action)
    {
        int i = 0;
        while (i < order.Length)
        {
            int j = i + 1;
            while (j < order.Length && g.Lane[order[j]] == g.Lane[order[i]])
            {
                j++;
            }

            action(i, j);
            i = j;
        }
    }

    /// <summary>Layer-by-layer sweeps with one heuristic, keeping the best order seen, then transposition.</summary>
    private static (int[][] Order, int Crossings) Heuristic(ProperGraph g, int[][] start, int[] position, int sweeps, bool median, bool transpose)
    {
        Apply(g, start, position);
        int best = CrossingCounter.Total(g, position);
        var bestOrder = Snapshot(g.Order);
        var key = new double[g.ItemCount];
        var scratch = new List<int>();
        int stale = 0;
        for (int sweep = 0; sweep < sweeps && best > 0 && stale < 3; sweep++)
        {
            for (int r = 1; r < g.RankCount; r++)
            {
                SortBy(g, r, position, key, scratch, up: true, median);
            }

            bool improved = Keep(g, position, ref best, ref bestOrder);
            for (int r = g.RankCount - 2; r >= 0; r--)
            {
                SortBy(g, r, position, key, scratch, up: false, median);
            }

            improved |= Keep(g, position, ref best, ref bestOrder);
            stale = improved ? 0 : stale + 1;
        }

        // Transposition is the costly refinement: run it once, on the best order the sweeps found.
        Apply(g, bestOrder, position);
        if (transpose && best > 0)
        {
            Transpose(g, position);
            best = CrossingCounter.Total(g, position);
            bestOrder = Snapshot(g.Order);
        }

        return (bestOrder, best);
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

    private static void SortBy(ProperGraph g, int r, int[] position, double[] key, List<int> scratch, bool up, bool median)
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

            if (!median)
            {
                double sum = 0;
                for (int k = from; k < to; k++)
                {
                    sum += position[neighbours[k]];
                }

                key[item] = sum / (to - from);
                continue;
            }

            scratch.Clear();
            for (int k = from; k < to; k++)
            {
                scratch.Add(position[neighbours[k]]);
            }

            scratch.Sort();
            int count = scratch.Count;
            key[item] = count % 2 == 1 ? scratch[count / 2] : (scratch[(count / 2) - 1] + scratch[count / 2]) / 2.0;
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
                key[order[k]] = double.IsInfinity(left) ? (double.IsInfinity(right) ? position[order[k]] : right - ((j - k) * 1e-6))
                    : double.IsInfinity(right) ? left + ((k - i + 1) * 1e-6) : left + ((right - left) * (k - i + 1) / (j - i + 1));
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

    /// <summary>Sifting: every item in turn (most connected first) is moved to the place within its lane's part of the
    /// rank where it has the fewest crossings with both adjacent ranks, counted from pairwise crossing numbers.</summary>
    private static void Sift(ProperGraph g, int[] position)
    {
        for (int r = 0; r < g.RankCount; r++)
        {
            var order = g.Order[r];
            if (order.Length < 3)
            {
                continue;
            }

            var items = (int[])order.Clone();
            Array.Sort(items, (a, b) =>
            {
                int da = g.UpStart[a + 1] - g.UpStart[a] + g.DownStart[a + 1] - g.DownStart[a];
                int db = g.UpStart[b + 1] - g.UpStart[b] + g.DownStart[b + 1] - g.DownStart[b];
                return da != db ? db.CompareTo(da) : a.CompareTo(b);
            });
            foreach (int item in items)
            {
                if (g.UpStart[item + 1] == g.UpStart[item] && g.DownStart[item + 1] == g.DownStart[item])
                {
                    continue;
                }

                int at = position[item];
                int lo = at, hi = at;
                while (lo > 0 && g.Lane[order[lo - 1]] == g.Lane[item])
                {
                    lo--;
                }

                while (hi + 1 < order.Length && g.Lane[order[hi + 1]] == g.Lane[item])
                {
                    hi++;
                }

                // Change in crossings when the item sits just before position j, relative to where it is.
                int best = 0, bestAt = at, change = 0;
                for (int j = at - 1; j >= lo; j--)
                {
                    int w = order[j];
                    change += PairCrossings(g, item, w, position) - PairCrossings(g, w, item, position);
                    if (change < best)
                    {
                        best = change;
                        bestAt = j;
                    }
                }

                change = 0;
                for (int j = at + 1; j <= hi; j++)
                {
                    int w = order[j];
                    change += PairCrossings(g, w, item, position) - PairCrossings(g, item, w, position);
                    if (change < best)
                    {
                        best = change;
                        bestAt = j;
                    }
                }

                if (bestAt == at)
                {
                    continue;
                }

                if (bestAt < at)
                {
                    Array.Copy(order, bestAt, order, bestAt + 1, at - bestAt);
                }
                else
                {
                    Array.Copy(order, at + 1, order, at, bestAt - at);
                }

                order[bestAt] = item;
                Number(order, position);
            }
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

    private static void Apply(ProperGraph g, int[][] order, int[] position)
    {
        for (int r = 0; r < g.RankCount; r++)
        {
            g.Order[r] = (int[])order[r].Clone();
            Number(g.Order[r], position);
        }
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
