namespace Stepwise.Maps.Layout;

/// <summary>
/// Chooses which edges to draw against the flow so that the rest form an acyclic graph. A depth-first search from
/// the sources follows the heaviest edge first, so the main flow runs forward and rework loops become the back
/// edges a reader expects.
/// </summary>
internal static class CycleBreaker
{
    /// <summary>For each edge, whether it runs against the given flow order (ties broken by node id); self-loops are
    /// never reversed.</summary>
    public static bool[] FromOrder(int[] sources, int[] targets, double[] order)
    {
        var reversed = new bool[sources.Length];
        for (int e = 0; e < sources.Length; e++)
        {
            int s = sources[e], t = targets[e];
            reversed[e] = s != t && (order[s] > order[t] || (order[s] == order[t] && s > t));
        }

        return reversed;
    }

    /// <summary>For each edge, whether it is reversed; self-loops are never reversed.</summary>
    public static bool[] FindReversed(int nodeCount, int[] sources, int[] targets, double[] weights)
    {
        int m = sources.Length;
        var reversed = new bool[m];
        var outStart = new int[nodeCount + 1];
        var inDegree = new int[nodeCount];
        for (int e = 0; e < m; e++)
        {
            if (sources[e] != targets[e])
            {
                outStart[sources[e] + 1]++;
                inDegree[targets[e]]++;
            }
        }

        for (int v = 0; v < nodeCount; v++)
        {
            outStart[v + 1] += outStart[v];
        }

        var outEdges = new int[outStart[nodeCount]];
        var fill = outStart[..nodeCount];
        for (int e = 0; e < m; e++)
        {
            if (sources[e] != targets[e])
            {
                outEdges[fill[sources[e]]++] = e;
            }
        }

        for (int v = 0; v < nodeCount; v++)
        {
            // Heaviest first; the edge id breaks ties so the order never depends on anything but the input.
            Array.Sort(outEdges, outStart[v], outStart[v + 1] - outStart[v], Comparer<int>.Create((a, b) =>
            {
                int c = weights[b].CompareTo(weights[a]);
                return c != 0 ? c : a.CompareTo(b);
            }));
        }

        var state = new byte[nodeCount]; // 0 unseen, 1 on the stack, 2 done
        var stackNode = new int[nodeCount];
        var stackNext = new int[nodeCount];
        void Visit(int root)
        {
            int depth = 0;
            stackNode[0] = root;
            stackNext[0] = outStart[root];
            state[root] = 1;
            while (depth >= 0)
            {
                int v = stackNode[depth];
                if (stackNext[depth] == outStart[v + 1])
                {
                    state[v] = 2;
                    depth--;
                    continue;
                }

                int e = outEdges[stackNext[depth]++];
                int w = targets[e];
                if (state[w] == 1)
                {
                    reversed[e] = true;
                }
                else if (state[w] == 0)
                {
                    state[w] = 1;
                    depth++;
                    stackNode[depth] = w;
                    stackNext[depth] = outStart[w];
                }
            }
        }

        for (int v = 0; v < nodeCount; v++)
        {
            if (inDegree[v] == 0 && state[v] == 0)
            {
                Visit(v);
            }
        }

        for (int v = 0; v < nodeCount; v++)
        {
            if (state[v] == 0)
            {
                Visit(v);
            }
        }

        return reversed;
    }
}
