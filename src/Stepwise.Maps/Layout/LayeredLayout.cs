namespace Stepwise.Maps.Layout;

/// <summary>
/// A layered (Sugiyama-style) layout of a directed graph, deterministic and free of native dependencies:
/// back edges and layers from the nodes' flow order where given (else a depth-first search and longest paths), so
/// rework loops run against the flow; crossing reduction by the better of the barycentre and median heuristics with
/// transposition, then sifting; coordinates by the priority method (the heaviest path straight); ports spread along
/// each node's side so that lines and arrowheads never overlap; and routes that pass only through free corridors, so
/// no edge crosses a node or a label. Self-loops are loops beside their node; labels take room in the layout like
/// nodes, beside their own line, so they overlap neither nodes nor each other.
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

        bool ordered = graph.HasFlowOrder;
        var order = new double[n];
        for (int v = 0; v < n; v++)
        {
            order[v] = graph.FlowOrderOf(v);
        }

        var reversed = ordered ? CycleBreaker.FromOrder(sources, targets, order) : CycleBreaker.FindReversed(n, sources, targets, weights);
        var layers = ordered ? Layering.Monotone(n, sources, targets, reversed, order) : Layering.LongestPath(n, sources, targets, reversed);
        var g = ProperGraph.Build(graph, options, reversed, layers);
        var crossings = Ordering.Run(g, options.OrderingSweeps);
        var (x, laneStart, laneEnd) = Placement.Assign(g, graph, options);
        return Routing.Build(graph, options, g, reversed, layers, x, laneStart, laneEnd, crossings);
    }
}
