namespace Stepwise.Maps.Layout;

/// <summary>
/// A layered (Sugiyama-style) layout of a directed graph, deterministic and free of native dependencies:
/// back edges chosen so rework loops run against the flow, layers by longest path, crossing reduction by
/// barycentre sweeps and transposition, coordinates by the priority method (the heaviest path straight), and
/// routes that pass only through free corridors, so no edge crosses a node or a label. Self-loops are loops
/// beside their node; labels take room in the layout like nodes, so they overlap neither nodes nor each other.
/// </summary>
public static class LayeredLayout
{
    /// <summary>Lays out <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph; its node and edge ids index the result.</param>
    /// <param name="options">Spacing, direction and effort; null for the defaults.</param>
    public static GraphLayout Compute(LayoutGraph graph, LayoutOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= LayoutOptions.Default;
        int n = graph.NodeCount, m = graph.EdgeCount;
        var sources = new int[m];
        var targets = new int[m];
        var weights = new double[m];
        for (int e = 0; e < m; e++)
        {
            sources[e] = graph.SourceOf(e);
            targets[e] = graph.TargetOf(e);
            weights[e] = graph.WeightOf(e);
        }

        var reversed = CycleBreaker.FindReversed(n, sources, targets, weights);
        var layers = Layering.LongestPath(n, sources, targets, reversed);
        var g = ProperGraph.Build(graph, options, reversed, layers);
        int crossings = Ordering.Run(g, options.OrderingSweeps);
        var (x, laneStart, laneEnd) = Placement.Assign(g, graph, options);
        return Routing.Build(graph, options, g, reversed, layers, x, laneStart, laneEnd, crossings);
    }
}
