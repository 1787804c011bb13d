namespace Stepwise.Maps.Mapping;

/// <summary>
/// Chooses the paths a simplified map shows: the most frequent ones; then, unless switched off, each step's main
/// ways in and out (its busiest way in and way out, and any other that carries at least a third of the moves into or
/// out of it; the same for the start and the end), so that no shown step looks cut off from the flow that brings most
/// of its cases; then, greedily by frequency, the paths needed so that every node is
/// reachable from the start and can reach the end. A map that dropped those would show steps floating free, which
/// misleads: every step a case takes lies between its start and its end.
/// </summary>
internal static class PathSelection
{
    /// <summary>Which edges to keep, and why. Edges must be ordered most frequent first (the order breaks ties).</summary>
    /// <param name="nodeCount">Nodes, with <paramref name="start"/> and <paramref name="end"/> among them.</param>
    /// <param name="sources">Source of each edge.</param>
    /// <param name="targets">Target of each edge.</param>
    /// <param name="frequencies">Times each edge is taken.</param>
    /// <param name="wanted">How many of the most frequent edges to keep before the other rules.</param>
    /// <param name="start">The start node.</param>
    /// <param name="end">The end node.</param>
    /// <param name="keepStepPaths">Whether to keep every node's main ways in and out.</param>
    /// <returns>For each edge, why it is kept, or <see cref="PathReason.Hidden"/>.</returns>
    public static PathReason[] Select(int nodeCount, int[] sources, int[] targets, long[] frequencies, int wanted, int start, int end, bool keepStepPaths)
    {
        int m = sources.Length;
        var keep = new PathReason[m];
        for (int e = 0; e < Math.Min(wanted, m); e++)
        {
            keep[e] = PathReason.Share;
        }

        if (keepStepPaths)
        {
            KeepMainWays(nodeCount, sources, targets, frequencies, keep);
            KeepMainWays(nodeCount, targets, sources, frequencies, keep);
        }

        Repair(nodeCount, sources, targets, keep, start);
        Repair(nodeCount, targets, sources, keep, end);
        return keep;
    }

    /// <summary>Keeps, for every node, its main ways along <paramref name="near"/> → <paramref name="far"/> (ways out
    /// when near ends are sources, ways in when they are targets): the first (most frequent) one, and every other that
    /// is taken at least a third of the times any is, so at most three besides the first. A repeat of a step (an edge
    /// to itself) joins it to nothing, so it is neither counted nor kept.</summary>
    private static void KeepMainWays(int nodeCount, int[] near, int[] far, long[] frequencies, PathReason[] keep)
    {
        var total = new long[nodeCount];
        for (int e = 0; e < near.Length; e++)
        {
            if (near[e] != far[e])
            {
                total[near[e]] += frequencies[e];
            }
        }

        var first = new bool[nodeCount];
        for (int e = 0; e < near.Length; e++)
        {
            int node = near[e];
            if (far[e] == node)
            {
                continue;
            }

            bool main = !first[node] || frequencies[e] * 3 >= total[node];
            first[node] = true;
            if (main && keep[e] == PathReason.Hidden)
            {
                keep[e] = PathReason.StepConnection;
            }
        }
    }

    /// <summary>Adds edges until every node that can be reached from <paramref name="root"/> over all edges is reached
    /// over kept edges, each time the most frequent edge leaving the reached set.</summary>
    private static void Repair(int nodeCount, int[] from, int[] to, PathReason[] keep, int root)
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
                    if (keep[e] != PathReason.Hidden && from[e] == u && !reached[to[e]])
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
                if (keep[e] == PathReason.Hidden && reached[from[e]] && !reached[to[e]])
                {
                    best = e;
                }
            }

            if (best < 0)
            {
                return;
            }

            keep[best] = PathReason.Reachability;
            Reach(to[best]);
        }
    }
}
