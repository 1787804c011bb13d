namespace Stepwise.Maps.Layout;

/// <summary>
/// A directed graph to lay out: nodes with a size and a lane, edges with a weight (how important it is to keep
/// the edge short and straight, e.g. its frequency) and an optional label size. Node and edge ids are dense, in the
/// order they were added; that order is the only tie-breaker of the layout, which makes it deterministic.
/// </summary>
public sealed class LayoutGraph
{
    private readonly List<Size> _nodeSizes = [];
    private readonly List<int> _nodeLanes = [];
    private readonly List<double> _nodeOrder = [];
    private readonly List<EdgeStroke> _strokes = [];
    private readonly List<(int Source, int Target, double Weight, Size Label)> _edges = [];
    private readonly List<double> _laneMinimum = [];

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _nodeSizes.Count;

    /// <summary>Number of edges.</summary>
    public int EdgeCount => _edges.Count;

    /// <summary>Number of lanes: one more than the highest lane of a node, at least one.</summary>
    public int LaneCount => Math.Max(1, _laneMinimum.Count);

    /// <summary>Adds a node and returns its id.</summary>
    /// <param name="size">Its box.</param>
    /// <param name="lane">The lane (swimlane) it must lie in; lanes are drawn in id order.</param>
    /// <param name="flowOrder">Where the node lies along the flow (e.g. the order in which cases reach a step), or NaN.
    /// When every node has one, edges from a higher to a lower order run against the flow and a node is never drawn in
    /// an earlier layer than a node of lower order, so maps of subsets of one graph keep their nodes in the same order
    /// along the flow. Without it the layout chooses back edges by a depth-first search.</param>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive or the lane is negative.</exception>
    public int AddNode(Size size, int lane = 0, double flowOrder = double.NaN)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size.Height);
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        while (_laneMinimum.Count <= lane)
        {
            _laneMinimum.Add(0);
        }

        _nodeSizes.Add(size);
        _nodeLanes.Add(lane);
        _nodeOrder.Add(flowOrder);
        return _nodeSizes.Count - 1;
    }

    /// <summary>Adds an edge and returns its id. An edge from a node to itself is drawn as a loop beside it.</summary>
    /// <param name="source">The source node.</param>
    /// <param name="target">The target node.</param>
    /// <param name="weight">How strongly the layout keeps this edge short and straight (e.g. its frequency); positive.</param>
    /// <param name="label">The size of its label, or <see cref="Size.Empty"/> for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A node does not exist or the weight is not positive.</exception>
    public int AddEdge(int source, int target, double weight = 1, Size label = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(source);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(source, NodeCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(target, NodeCount);
        if (!(weight > 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "An edge weight must be positive and finite.");
        }

        _edges.Add((source, target, weight, label.IsEmpty ? Size.Empty : label));
        _strokes.Add(EdgeStroke.Thin);
        return _edges.Count - 1;
    }

    /// <summary>Sets how edge <paramref name="edge"/> is drawn, so that its ports, arrowhead and label get room.</summary>
    public void SetStroke(int edge, EdgeStroke stroke)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(edge);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(edge, EdgeCount);
        _strokes[edge] = stroke;
    }

    /// <summary>Makes lane <paramref name="lane"/> at least <paramref name="breadth"/> pixels across (e.g. to fit its title).</summary>
    public void SetLaneMinimumBreadth(int lane, double breadth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lane);
        while (_laneMinimum.Count <= lane)
        {
            _laneMinimum.Add(0);
        }

        _laneMinimum[lane] = Math.Max(0, breadth);
    }

    /// <summary>The box of node <paramref name="node"/>.</summary>
    public Size NodeSize(int node) => _nodeSizes[node];

    /// <summary>The flow order of node <paramref name="node"/> (NaN when not given).</summary>
    public double FlowOrderOf(int node) => _nodeOrder[node];

    /// <summary>Whether every node has a flow order.</summary>
    public bool HasFlowOrder => _nodeOrder.Count > 0 && _nodeOrder.TrueForAll(o => !double.IsNaN(o));

    /// <summary>How edge <paramref name="edge"/> is drawn.</summary>
    public EdgeStroke StrokeOf(int edge) => _strokes[edge];

    /// <summary>The lane of node <paramref name="node"/>.</summary>
    public int LaneOf(int node) => _nodeLanes[node];

    /// <summary>The smallest breadth of lane <paramref name="lane"/>.</summary>
    public double LaneMinimumBreadth(int lane) => lane < _laneMinimum.Count ? _laneMinimum[lane] : 0;

    /// <summary>The source of edge <paramref name="edge"/>.</summary>
    public int SourceOf(int edge) => _edges[edge].Source;

    /// <summary>The target of edge <paramref name="edge"/>.</summary>
    public int TargetOf(int edge) => _edges[edge].Target;

    /// <summary>The weight of edge <paramref name="edge"/>.</summary>
    public double WeightOf(int edge) => _edges[edge].Weight;

    /// <summary>The label size of edge <paramref name="edge"/> (empty for none).</summary>
    public Size LabelOf(int edge) => _edges[edge].Label;
}
