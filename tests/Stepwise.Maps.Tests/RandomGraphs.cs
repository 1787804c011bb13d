using Stepwise.Maps.Layout;

namespace Stepwise.Maps.Tests;

/// <summary>Seeded random graphs with cycles, self-loops, labels of varied size and optional lanes.</summary>
internal static class RandomGraphs
{
    public static LayoutGraph Create(int seed, int nodes, int edges, int lanes = 1, bool labels = true, bool selfLoops = true)
    {
        var random = new Random(seed);
        var graph = new LayoutGraph();
        for (int v = 0; v < nodes; v++)
        {
            graph.AddNode(new Size(40 + random.Next(120), 28 + random.Next(24)), lanes > 1 ? random.Next(lanes) : 0);
        }

        var seen = new HashSet<(int, int)>();
        int attempts = 0;
        while (graph.EdgeCount < edges && attempts++ < edges * 20)
        {
            int s = random.Next(nodes), t = random.Next(nodes);
            if ((s == t && (!selfLoops || random.Next(8) != 0)) || !seen.Add((s, t)))
            {
                continue;
            }

            var label = labels ? new Size(16 + random.Next(48), 12 + random.Next(4)) : Size.Empty;
            graph.AddEdge(s, t, 1 + random.Next(1000), label);
        }

        return graph;
    }
}
