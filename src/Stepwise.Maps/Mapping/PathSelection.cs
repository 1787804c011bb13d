namespace Stepwise.Maps.Mapping;

/// <summary>
/// Chooses the paths a simplified map shows: the most frequent ones, then, greedily by frequency, the
/// paths needed so that every node is reachable from the start and can reach the end. A map that dropped those
/// would show steps floating free, which misleads: every step a case takes lies between its start and its end.
/// </summary>
internal static class PathSelection
{
    /// <summary>Which edges to keep. Edges must be ordered most frequent first (the order breaks ties).</summary>
    /// <param name="nodeCount">Nodes, with <paramref name="start"/> and <paramref name="end"/> among them.</param>
    /// <param name="sources">Source of each edge.</param>
    /// <param name="targets">Target of each edge.</param>
    /// <param name="wanted">How many of the most frequent edges to keep before repair.</param>
    /// <param name="start">The start node.</param>
    /// <param name="end">The end node.</param>
    public static bool[] Select(int nodeCount, int[] sources, int[] targets, int wanted, int start, int end)
    {
        int m = sources.Length;
        var keep = new bool[m];
        for (int e = 0; e < Math.Min(wanted, m); e++)
        {
            keep[e] = true;
        }

        Repair(nodeCount, sources, targets, keep, start);
        Repair(nodeCount, targets, sources, keep, end);
        return keep;
    }

    /// <summary>Adds edges until every node that can be reached from <paramref name="root"/> over all edges is reached
    /// over kept edges, each time the most frequent edge leaving the reached set.</summary>
    private static void Repair(int nodeCount, int[] from, int[] to, bool[] keep, int root)
    {
        int m = from.Length;
        var reached = new bool[nodeCount];
        var stack = new Stack<int>();
        void Reach(int v)
        {
            if (reached[v])
            {
                return;
            }

            reached[v] = true;
            stack.Push(v);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                for (int e = 0; e < m; e++)
                {
                    if (keep[e] && from[e] == u && !reached[to[e]])
                    {
                        reached[to[e]] = true;
                        stack.Push(to[e]);
                    }
                }
            }
        }

        Reach(root);
        while (true)
        {
            int best = -1;
            for (int e = 0; e < m && best < 0; e++)
            {
                if (!keep[e] && reached[from[e]] && !reached[to[e]])
                {
                    best = e;
                }
            }

            if (best < 0)
            {
                return;
            }

            keep[best] = true;
            Reach(to[best]);
        }
    }
}
