namespace Stepwise.Maps.Layout;

/// <summary>
/// Coordinates across the layers, by the priority method: items start packed, then sweeps down, up and down again
/// move each item towards the weighted median of its neighbours in the rank just placed. Items with heavier edges
/// move first and lighter ones make way, so the most frequent path runs straight. Lanes are bands an item never
/// leaves.
/// </summary>
internal static class Placement
{
    public static (double[] X, double[] LaneStart, double[] LaneEnd) Assign(ProperGraph g, LayoutGraph graph, LayoutOptions options)
    {
        int lanes = g.LaneCount;
        double pad = options.LanePadding;
        bool bounded = lanes > 1 || graph.LaneMinimumBreadth(0) > 0;
        var laneStart = new double[lanes];
        var laneEnd = new double[lanes];
        var need = new double[lanes];
        for (int r = 0; r < g.RankCount; r++)
        {
            var order = g.Order[r];
            int i = 0;
            while (i < order.Length)
            {
                int lane = g.Lane[order[i]];
                double width = g.Before[order[i]];
                int j = i + 1;
                while (j < order.Length && g.Lane[order[j]] == lane)
                {
                    width += g.Separation(order[j - 1], order[j], options);
                    j++;
                }

                width += g.After[order[j - 1]];
                need[lane] = Math.Max(need[lane], width);
                i = j;
            }
        }

        double at = 0;
        for (int k = 0; k < lanes; k++)
        {
            laneStart[k] = at;
            at += Math.Max(need[k] + (2 * pad), graph.LaneMinimumBreadth(k));
            laneEnd[k] = at;
        }

        var x = new double[g.ItemCount];
        var lo = new double[g.ItemCount];
        var hi = new double[g.ItemCount];
        for (int item = 0; item < g.ItemCount; item++)
        {
            int lane = g.Lane[item];
            lo[item] = bounded ? laneStart[lane] + pad + g.Before[item] : double.NegativeInfinity;
            hi[item] = bounded ? laneEnd[lane] - pad - g.After[item] : double.PositiveInfinity;
        }

        // Start packed, each lane's group centred in its band.
        for (int r = 0; r < g.RankCount; r++)
        {
            var order = g.Order[r];
            int i = 0;
            while (i < order.Length)
            {
                int lane = g.Lane[order[i]];
                int j = i;
                double cursor = 0;
                x[order[i]] = 0;
                for (j = i + 1; j < order.Length && g.Lane[order[j]] == lane; j++)
                {
                    cursor += g.Separation(order[j - 1], order[j], options);
                    x[order[j]] = cursor;
                }

                double left = g.Before[order[i]], right = cursor + g.After[order[j - 1]];
                double centre = (laneStart[lane] + laneEnd[lane]) / 2;
                double shift = centre - ((right - left) / 2);
                for (int k = i; k < j; k++)
                {
                    x[order[k]] += shift;
                }

                i = j;
            }
        }

        Sweep(g, options, x, lo, hi, down: true);
        Sweep(g, options, x, lo, hi, down: false);
        Sweep(g, options, x, lo, hi, down: true);

        if (!bounded)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int item = 0; item < g.ItemCount; item++)
            {
                min = Math.Min(min, x[item] - g.Before[item]);
                max = Math.Max(max, x[item] + g.After[item]);
            }

            if (g.ItemCount == 0)
            {
                min = max = 0;
            }

            double shift = pad - min;
            for (int item = 0; item < g.ItemCount; item++)
            {
                x[item] += shift;
            }

            laneStart[0] = 0;
            laneEnd[0] = max - min + (2 * pad);
        }

        return (x, laneStart, laneEnd);
    }

    private static void Sweep(ProperGraph g, LayoutOptions options, double[] x, double[] lo, double[] hi, bool down)
    {
        var start = down ? g.UpStart : g.DownStart;
        var neighbours = down ? g.Up : g.Down;
        var weights = down ? g.UpWeight : g.DownWeight;
        var around = new List<(double X, double W)>();
        for (int step = 1; step < g.RankCount; step++)
        {
            int r = down ? step : g.RankCount - 1 - step;
            var order = g.Order[r];
            int len = order.Length;
            var priority = new double[len];
            var byPriority = new int[len];
            for (int i = 0; i < len; i++)
            {
                int item = order[i];
                double p = 0;
                for (int k = start[item]; k < start[item + 1]; k++)
                {
                    p += weights[k];
                }

                priority[i] = start[item] == start[item + 1] ? -1 : p;
                byPriority[i] = i;
            }

            Array.Sort(byPriority, (a, b) =>
            {
                int c = priority[b].CompareTo(priority[a]);
                return c != 0 ? c : a.CompareTo(b);
            });

            var placed = new bool[len];
            foreach (int i in byPriority)
            {
                int item = order[i];
                if (priority[i] < 0)
                {
                    continue;
                }

                around.Clear();
                for (int k = start[item]; k < start[item + 1]; k++)
                {
                    around.Add((x[neighbours[k]], weights[k]));
                }

                MoveTowards(g, options, order, i, WeightedMedian(around), x, lo, hi, placed);
                placed[i] = true;
            }
        }
    }

    private static double WeightedMedian(List<(double X, double W)> values)
    {
        if (values.Count == 1)
        {
            return values[0].X;
        }

        values.Sort((a, b) => a.X.CompareTo(b.X));
        double total = 0;
        foreach (var v in values)
        {
            total += v.W;
        }

        double cumulative = 0;
        for (int k = 0; k < values.Count; k++)
        {
            cumulative += values[k].W;
            if (cumulative >= total / 2)
            {
                bool exactlyHalf = Math.Abs(cumulative - (total / 2)) <= 1e-9 * total && k + 1 < values.Count;
                return exactlyHalf ? (values[k].X + values[k + 1].X) / 2 : values[k].X;
            }
        }

        return values[^1].X;
    }

    /// <summary>Moves item <paramref name="i"/> of <paramref name="order"/> as close to <paramref name="target"/> as its
    /// bounds and the items already placed allow, pushing items not yet placed out of the way.</summary>
    private static void MoveTowards(ProperGraph g, LayoutOptions options, int[] order, int i, double target, double[] x, double[] lo, double[] hi, bool[] placed)
    {
        int item = order[i];
        double current = x[item];
        if (target > current)
        {
            double limit = hi[item], gap = 0;
            for (int j = i + 1; j < order.Length; j++)
            {
                gap += g.Separation(order[j - 1], order[j], options);
                if (placed[j])
                {
                    limit = Math.Min(limit, x[order[j]] - gap);
                    break;
                }

                limit = Math.Min(limit, hi[order[j]] - gap);
            }

            double next = Math.Min(target, limit);
            if (next <= current)
            {
                return;
            }

            x[item] = next;
            for (int j = i + 1; j < order.Length; j++)
            {
                double least = x[order[j - 1]] + g.Separation(order[j - 1], order[j], options);
                if (x[order[j]] >= least)
                {
                    break;
                }

                x[order[j]] = least;
            }
        }
        else if (target < current)
        {
            double limit = lo[item], gap = 0;
            for (int j = i - 1; j >= 0; j--)
            {
                gap += g.Separation(order[j], order[j + 1], options);
                if (placed[j])
                {
                    limit = Math.Max(limit, x[order[j]] + gap);
                    break;
                }

                limit = Math.Max(limit, lo[order[j]] + gap);
            }

            double next = Math.Max(target, limit);
            if (next >= current)
            {
                return;
            }

            x[item] = next;
            for (int j = i - 1; j >= 0; j--)
            {
                double most = x[order[j + 1]] - g.Separation(order[j], order[j + 1], options);
                if (x[order[j]] <= most)
                {
                    break;
                }

                x[order[j]] = most;
            }
        }
    }
}
