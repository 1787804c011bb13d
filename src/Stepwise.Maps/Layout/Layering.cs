namespace Stepwise.Maps.Layout;

/// <summary>Assigns nodes to layers: each node one layer below the lowest of its predecessors (longest path from
/// the sources), once back edges are turned around.</summary>
internal static class Layering
{
    /// <summary>The layer of each node; every forward edge goes down at least one layer.</summary>
    public static int[] LongestPath(int nodeCount, int[] sources, int[] targets, bool[] reversed)
    {
        int m = sources.Length;
        var outStart = new int[nodeCount + 1];
        var inDegree = new int[nodeCount];
        for (int e = 0; e < m; e++)
        {
            var (u, v) = Oriented(e, sources, targets, reversed);
            if (u != v)
            {
                outStart[u + 1]++;
                inDegree[v]++;
            }
        }

        for (int v = 0; v < nodeCount; v++)
        {
            outStart[v + 1] += outStart[v];
        }

        var outTargets = new int[outStart[nodeCount]];
        var fill = outStart[..nodeCount];
        for (int e = 0; e < m; e++)
        {
            var (u, v) = Oriented(e, sources, targets, reversed);
            if (u != v)
            {
                outTargets[fill[u]++] = v;
            }
        }

        var layer = new int[nodeCount];
        var queue = new int[nodeCount];
        int head = 0, tail = 0;
        for (int v = 0; v < nodeCount; v++)
        {
            if (inDegree[v] == 0)
            {
                queue[tail++] = v;
            }
        }

        while (head < tail)
        {
            int u = queue[head++];
            for (int i = outStart[u]; i < outStart[u + 1]; i++)
            {
                int v = outTargets[i];
                layer[v] = Math.Max(layer[v], layer[u] + 1);
                if (--inDegree[v] == 0)
                {
                    queue[tail++] = v;
                }
            }
        }

        if (tail != nodeCount)
        {
            throw new InvalidOperationException("The graph still has a cycle after back edges were reversed.");
        }

        return layer;
    }

    /// <summary>Layers that follow the flow order as well as the edges: nodes taken in flow order, each one layer below
    /// its lowest predecessor and never above a node of lower order. So for any two nodes, the one earlier in the flow
    /// order is never drawn in a later layer, on a map of all nodes or of any subset.</summary>
    public static int[] Monotone(int nodeCount, int[] sources, int[] targets, bool[] reversed, double[] order)
    {
        var byOrder = Enumerable.Range(0, nodeCount).ToArray();
        Array.Sort(byOrder, (a, b) => order[a] != order[b] ? order[a].CompareTo(order[b]) : a.CompareTo(b));
        var inStart = new int[nodeCount + 1];
        for (int e = 0; e < sources.Length; e++)
        {
            var (u, v) = Oriented(e, sources, targets, reversed);
            if (u != v)
            {
                inStart[v + 1]++;
            }
        }

        for (int v = 0; v < nodeCount; v++)
        {
            inStart[v + 1] += inStart[v];
        }

        var preds = new int[inStart[nodeCount]];
        var fill = inStart[..nodeCount];
        for (int e = 0; e < sources.Length; e++)
        {
            var (u, v) = Oriented(e, sources, targets, reversed);
            if (u != v)
            {
                preds[fill[v]++] = u;
            }
        }

        var layer = new int[nodeCount];
        int floor = 0;
        foreach (int v in byOrder)
        {
            int l = floor;
            for (int i = inStart[v]; i < inStart[v + 1]; i++)
            {
                l = Math.Max(l, layer[preds[i]] + 1);
            }

            layer[v] = l;
            floor = l;
        }

        return layer;
    }

    /// <summary>The edge as laid out: from its upper to its lower end.</summary>
    public static (int Upper, int Lower) Oriented(int edge, int[] sources, int[] targets, bool[] reversed)
        => reversed[edge] ? (targets[edge], sources[edge]) : (sources[edge], targets[edge]);
}
