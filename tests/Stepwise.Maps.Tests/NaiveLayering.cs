using Stepwise.Maps.Layout;

namespace Stepwise.Maps.Tests;

/// <summary>
/// The baseline a layout must beat: the same edges turned around as in the layout under test, layers by longest
/// path, every layer in first-seen order (nodes by id, then the points of long edges by edge id), no crossing
/// reduction. Crossings are counted by brute force over all pairs of segments between adjacent layers.
/// </summary>
internal static class NaiveLayering
{
    public static int Crossings(LayoutGraph graph, IReadOnlyList<bool> reversed)
    {
        int n = graph.NodeCount;
        var layer = new int[n];
        var edges = new List<(int U, int V)>();
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            int s = graph.SourceOf(e), t = graph.TargetOf(e);
            if (s != t)
            {
                edges.Add(reversed[e] ? (t, s) : (s, t));
            }
        }

        // Longest path by relaxation (the graph is acyclic once reversed edges are turned).
        for (int round = 0; round < n; round++)
        {
            bool changed = false;
            foreach (var (u, v) in edges)
            {
                if (layer[v] < layer[u] + 1)
                {
                    layer[v] = layer[u] + 1;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        int layers = n == 0 ? 0 : layer.Max() + 1;
        var order = new List<int>[layers];
        for (int l = 0; l < layers; l++)
        {
            order[l] = [];
        }

        for (int v = 0; v < n; v++)
        {
            order[layer[v]].Add(v);
        }

        // Segments as (upper item, lower item); dummies numbered after the nodes.
        int next = n;
        var itemLayer = new List<int>(layer);
        var segments = new List<(int A, int B)>();
        foreach (var (u, v) in edges)
        {
            int prev = u;
            for (int l = layer[u] + 1; l < layer[v]; l++)
            {
                int dummy = next++;
                itemLayer.Add(l);
                order[l].Add(dummy);
                segments.Add((prev, dummy));
                prev = dummy;
            }

            segments.Add((prev, v));
        }

        var position = new int[next];
        foreach (var list in order)
        {
            for (int i = 0; i < list.Count; i++)
            {
                position[list[i]] = i;
            }
        }

        int crossings = 0;
        for (int a = 0; a < segments.Count; a++)
        {
            for (int b = a + 1; b < segments.Count; b++)
            {
                var (a1, a2) = segments[a];
                var (b1, b2) = segments[b];
                if (itemLayer[a1] != itemLayer[b1])
                {
                    continue;
                }

                long d = (long)(position[a1] - position[b1]) * (position[a2] - position[b2]);
                crossings += d < 0 ? 1 : 0;
            }
        }

        return crossings;
    }
}
