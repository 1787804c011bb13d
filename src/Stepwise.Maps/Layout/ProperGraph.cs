namespace Stepwise.Maps.Layout;

/// <summary>
/// The layered graph the layout works on, in its own axes: "order" runs across a layer, "rank" along the flow.
/// Layers of nodes sit on even ranks; every edge is split into a chain of items, one per rank it passes, so all
/// segments join consecutive ranks. An edge's label is one of its items (on an odd rank where possible), so labels
/// take room like nodes do and can never overlap them.
/// </summary>
internal sealed class ProperGraph
{
    private ProperGraph()
    {
    }

    /// <summary>Real nodes are items 0 .. NodeCount-1; edge items follow.</summary>
    public int NodeCount { get; private set; }

    public int ItemCount => Rank.Length;

    public int RankCount { get; private set; }

    public int LaneCount { get; private set; }

    public int[] Rank { get; private set; } = [];

    /// <summary>Extent of an item before its reference line, across the layer.</summary>
    public double[] Before { get; private set; } = [];

    /// <summary>Extent of an item after its reference line, across the layer (labels and self-loops lie here).</summary>
    public double[] After { get; private set; } = [];

    /// <summary>Extent of an item along the flow.</summary>
    public double[] Depth { get; private set; } = [];

    public int[] Lane { get; private set; } = [];

    /// <summary>The edge an item belongs to, -1 for real nodes.</summary>
    public int[] EdgeOf { get; private set; } = [];

    public bool[] IsLabel { get; private set; } = [];

    /// <summary>Items of each edge's chain, from its upper to its lower node (empty for self-loops).</summary>
    public int[] ChainStart { get; private set; } = [];

    public int[] Chain { get; private set; } = [];

    public int[] SegmentUpper { get; private set; } = [];

    public int[] SegmentLower { get; private set; } = [];

    public double[] SegmentWeight { get; private set; } = [];

    /// <summary>Segments by the rank of their upper item (CSR).</summary>
    public int[] RankSegmentStart { get; private set; } = [];

    public int[] RankSegments { get; private set; } = [];

    /// <summary>Neighbours in the rank above, with segment weights (CSR).</summary>
    public int[] UpStart { get; private set; } = [];

    public int[] Up { get; private set; } = [];

    public double[] UpWeight { get; private set; } = [];

    /// <summary>Neighbours in the rank below, with segment weights (CSR).</summary>
    public int[] DownStart { get; private set; } = [];

    public int[] Down { get; private set; } = [];

    public double[] DownWeight { get; private set; } = [];

    /// <summary>The items of each rank, in their current order.</summary>
    public int[][] Order { get; private set; } = [];

    /// <summary>Number of self-loops of each node, and the depth their stacked labels need.</summary>
    public int[] SelfLoops { get; private set; } = [];

    /// <summary>Breadth of each real node's box: its own, widened where needed so that the ends of its edges fit
    /// side by side without overlapping.</summary>
    public double[] NodeBreadth { get; private set; } = [];

    public bool IsReal(int item) => item < NodeCount;

    /// <summary>Least distance between the reference lines of two neighbours in a rank.</summary>
    public double Separation(int left, int right, LayoutOptions options)
        => After[left] + Before[right] + (IsReal(left) && IsReal(right) ? options.NodeSpacing : options.EdgeSpacing);

    public static ProperGraph Build(LayoutGraph graph, LayoutOptions options, bool[] reversed, int[] layers)
    {
        bool across = options.Direction == LayoutDirection.TopToBottom;
        double Breadth(Size s) => across ? s.Width : s.Height;
        double DepthOf(Size s) => across ? s.Height : s.Width;
        int n = graph.NodeCount, m = graph.EdgeCount;
        var rank = new List<int>(n * 2);
        var before = new List<double>(n * 2);
        var after = new List<double>(n * 2);
        var depth = new List<double>(n * 2);
        var lane = new List<int>(n * 2);
        var edgeOf = new List<int>(n * 2);
        var isLabel = new List<bool>(n * 2);

        // Real nodes, with room after them for their self-loops and the loops' labels.
        var loops = new int[n];
        var loopLabelBreadth = new double[n];
        var loopLabelDepth = new double[n];
        for (int e = 0; e < m; e++)
        {
            int s = graph.SourceOf(e);
            if (s == graph.TargetOf(e))
            {
                loops[s]++;
                var label = graph.LabelOf(e);
                if (!label.IsEmpty)
                {
                    loopLabelBreadth[s] = Math.Max(loopLabelBreadth[s], Breadth(label));
                    loopLabelDepth[s] += DepthOf(label) + (loopLabelDepth[s] > 0 ? 2 : 0);
                }
            }
        }

        // Room the edge ends need on each side of a node: arrowheads or lines side by side, with gaps and insets.
        var upperSide = new double[n];
        var lowerSide = new double[n];
        var upperEnds = new int[n];
        var lowerEnds = new int[n];
        for (int e = 0; e < m; e++)
        {
            int s = graph.SourceOf(e), t = graph.TargetOf(e);
            if (s == t)
            {
                continue;
            }

            var stroke = graph.StrokeOf(e);
            var (upper, lower) = reversed[e] ? (t, s) : (s, t);
            double atUpper = reversed[e] ? stroke.TargetBreadth : stroke.LineWidth;
            double atLower = reversed[e] ? stroke.LineWidth : stroke.TargetBreadth;
            lowerSide[upper] += atUpper;
            lowerEnds[upper]++;
            upperSide[lower] += atLower;
            upperEnds[lower]++;
        }

        var nodeBreadth = new double[n];
        for (int v = 0; v < n; v++)
        {
            var size = graph.NodeSize(v);
            double Need(double total, int ends) => ends == 0 ? 0 : total + ((ends - 1) * options.PortGap) + (2 * options.PortInset);
            double breadth = Math.Max(Breadth(size), Math.Max(Need(upperSide[v], upperEnds[v]), Need(lowerSide[v], lowerEnds[v])));
            nodeBreadth[v] = breadth;
            double extra = loops[v] == 0 ? 0 : (options.SelfLoopReach * loops[v]) + (loopLabelBreadth[v] > 0 ? options.LabelGap + loopLabelBreadth[v] : 0);
            rank.Add(2 * layers[v]);
            before.Add(breadth / 2);
            after.Add((breadth / 2) + extra);
            depth.Add(Math.Max(DepthOf(size), loopLabelDepth[v]));
            lane.Add(graph.LaneOf(v));
            edgeOf.Add(-1);
            isLabel.Add(false);
        }

        // Chains of edge items.
        var chainStart = new int[m + 1];
        var chain = new List<int>(m * 3);
        for (int e = 0; e < m; e++)
        {
            chainStart[e] = chain.Count;
            int s = graph.SourceOf(e), t = graph.TargetOf(e);
            if (s == t)
            {
                continue;
            }

            var (upper, lower) = reversed[e] ? (t, s) : (s, t);
            int r0 = 2 * layers[upper], r1 = 2 * layers[lower];
            var label = graph.LabelOf(e);
            int span = layers[lower] - layers[upper];
            int labelRank = label.IsEmpty ? -1 : (2 * (layers[upper] + ((span - 1) / 2))) + 1;
            int dummies = r1 - r0 - 1;
            chain.Add(upper);
            for (int r = r0 + 1; r < r1; r++)
            {
                int index = r - r0 - 1;
                bool isLabelItem = r == labelRank;
                double half = Math.Max(1, graph.StrokeOf(e).LineWidth / 2);
                rank.Add(r);
                before.Add(half);
                after.Add(isLabelItem ? half + options.LabelGap + Breadth(label) : half);
                depth.Add(isLabelItem ? DepthOf(label) + (2 * options.LabelPadding) : 0);
                lane.Add(index < (dummies + 1) / 2 ? graph.LaneOf(upper) : graph.LaneOf(lower));
                edgeOf.Add(e);
                isLabel.Add(isLabelItem);
                chain.Add(rank.Count - 1);
            }

            chain.Add(lower);
        }

        chainStart[m] = chain.Count;
        var g = new ProperGraph
        {
            NodeCount = n,
            Rank = [.. rank],
            Before = [.. before],
            After = [.. after],
            Depth = [.. depth],
            Lane = [.. lane],
            EdgeOf = [.. edgeOf],
            IsLabel = [.. isLabel],
            ChainStart = chainStart,
            Chain = [.. chain],
            SelfLoops = loops,
            NodeBreadth = nodeBreadth,
            LaneCount = graph.LaneCount,
        };
        g.RankCount = n == 0 ? 0 : g.Rank.Max() + 1;
        g.BuildSegments(graph);
        return g;
    }

    private void BuildSegments(LayoutGraph graph)
    {
        int items = ItemCount;
        var upper = new List<int>();
        var lower = new List<int>();
        var weight = new List<double>();
        int m = ChainStart.Length - 1;
        for (int e = 0; e < m; e++)
        {
            for (int i = ChainStart[e]; i + 1 < ChainStart[e + 1]; i++)
            {
                upper.Add(Chain[i]);
                lower.Add(Chain[i + 1]);
                weight.Add(graph.WeightOf(e));
            }
        }

        SegmentUpper = [.. upper];
        SegmentLower = [.. lower];
        SegmentWeight = [.. weight];
        int segments = SegmentUpper.Length;

        RankSegmentStart = new int[RankCount + 1];
        foreach (int u in SegmentUpper)
        {
            RankSegmentStart[Rank[u] + 1]++;
        }

        for (int r = 0; r < RankCount; r++)
        {
            RankSegmentStart[r + 1] += RankSegmentStart[r];
        }

        RankSegments = new int[segments];
        var fill = RankSegmentStart[..RankCount];
        for (int s = 0; s < segments; s++)
        {
            RankSegments[fill[Rank[SegmentUpper[s]]]++] = s;
        }

        (UpStart, Up, UpWeight) = Adjacency(items, SegmentLower, SegmentUpper, SegmentWeight);
        (DownStart, Down, DownWeight) = Adjacency(items, SegmentUpper, SegmentLower, SegmentWeight);

        var perRank = new List<int>[RankCount];
        for (int r = 0; r < RankCount; r++)
        {
            perRank[r] = [];
        }

        for (int i = 0; i < items; i++)
        {
            perRank[Rank[i]].Add(i);
        }

        Order = new int[RankCount][];
        for (int r = 0; r < RankCount; r++)
        {
            Order[r] = [.. perRank[r]];
        }
    }

    private static (int[] Start, int[] Neighbours, double[] Weights) Adjacency(int items, int[] from, int[] to, double[] weight)
    {
        var start = new int[items + 1];
        foreach (int f in from)
        {
            start[f + 1]++;
        }

        for (int i = 0; i < items; i++)
        {
            start[i + 1] += start[i];
        }

        var neighbours = new int[from.Length];
        var weights = new double[from.Length];
        var fill = start[..items];
        for (int s = 0; s < from.Length; s++)
        {
            int k = fill[from[s]]++;
            neighbours[k] = to[s];
            weights[k] = weight[s];
        }

        return (start, neighbours, weights);
    }
}
