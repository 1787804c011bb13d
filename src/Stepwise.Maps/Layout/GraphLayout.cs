namespace Stepwise.Maps.Layout;

/// <summary>
/// The result of a layered layout: a box per node, a route per edge, a band per lane and the size of the whole
/// drawing, in pixels from the top-left corner (0, 0).
/// </summary>
public sealed class GraphLayout
{
    internal GraphLayout(LayoutDirection direction, double width, double height, Rect[] nodes, EdgeRoute[] edges, Rect[] lanes, int[] layers, int layerCount, CrossingReport crossings)
    {
        Direction = direction;
        Width = width;
        Height = height;
        Nodes = nodes;
        Edges = edges;
        Lanes = lanes;
        NodeLayers = layers;
        LayerCount = layerCount;
        CrossingMethods = crossings;
    }

    /// <summary>Which way the flow runs.</summary>
    public LayoutDirection Direction { get; }

    /// <summary>Width of the drawing.</summary>
    public double Width { get; }

    /// <summary>Height of the drawing.</summary>
    public double Height { get; }

    /// <summary>The box of each node, by node id.</summary>
    public IReadOnlyList<Rect> Nodes { get; }

    /// <summary>The route of each edge, by edge id.</summary>
    public IReadOnlyList<EdgeRoute> Edges { get; }

    /// <summary>The band of each lane, by lane id: columns when the flow runs down, rows when it runs right.
    /// Bands touch but do not overlap, and every node lies inside the band of its lane.</summary>
    public IReadOnlyList<Rect> Lanes { get; }

    /// <summary>The layer of each node (0 = first).</summary>
    public IReadOnlyList<int> NodeLayers { get; }

    /// <summary>Number of layers.</summary>
    public int LayerCount { get; }

    /// <summary>Edge crossings of the layered drawing (pairs of edge segments between the same two layers whose
    /// ends are in opposite order), after crossing reduction.</summary>
    public int Crossings => CrossingMethods.Final;

    /// <summary>The crossings each crossing-reduction method reached on this graph, and the drawing's.</summary>
    public CrossingReport CrossingMethods { get; }
}
