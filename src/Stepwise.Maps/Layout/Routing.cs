namespace Stepwise.Maps.Layout;

/// <summary>
/// Turns ranks and coordinates into boxes and routes. Each edge leaves its node through a port on the side facing
/// the flow (ports spread in the order of where the edges go, so edges of one node never cross at the node), runs
/// straight through every rank it passes, in the corridor its chain item reserved, and changes position only in the
/// empty gap between two ranks.
/// </summary>
internal static class Routing
{
    public static GraphLayout Build(LayoutGraph graph, LayoutOptions options, ProperGraph g, bool[] reversed, int[] layers, double[] x, double[] laneStart, double[] laneEnd, int crossings)
    {
        bool across = options.Direction == LayoutDirection.TopToBottom;
        double Breadth(Size s) => across ? s.Width : s.Height;
        double DepthOf(Size s) => across ? s.Height : s.Width;
        Point ToPoint(double o, double k) => across ? new Point(o, k) : new Point(k, o);
        Rect ToRect(double o, double k, double oLength, double kLength) => across ? new Rect(o, k, oLength, kLength) : new Rect(k, o, kLength, oLength);

        int n = graph.NodeCount, m = graph.EdgeCount;
        double pad = options.LanePadding;
        var bandDepth = new double[g.RankCount];
        for (int item = 0; item < g.ItemCount; item++)
        {
            bandDepth[g.Rank[item]] = Math.Max(bandDepth[g.Rank[item]], g.Depth[item]);
        }

        var y = new double[g.RankCount];
        double cursor = options.LaneHeader + pad;
        for (int r = 0; r < g.RankCount; r++)
        {
            if (r > 0)
            {
                cursor += options.LayerSpacing / 2;
            }

            y[r] = cursor + (bandDepth[r] / 2);
            cursor += bandDepth[r];
        }

        double totalDepth = cursor + pad;
        double totalBreadth = laneEnd.Length == 0 ? 0 : laneEnd[^1];

        var nodes = new Rect[n];
        for (int v = 0; v < n; v++)
        {
            var size = graph.NodeSize(v);
            double b = Breadth(size), d = DepthOf(size);
            nodes[v] = ToRect(x[v] - (b / 2), y[g.Rank[v]] - (d / 2), b, d);
        }

        var (downPort, upPort) = Ports(graph, g, x, Breadth);
        var routes = new EdgeRoute[m];
        var points = new List<Point>();
        var loopIndex = new int[n];
        var loopLabelOffset = new double[n];
        for (int e = 0; e < m; e++)
        {
            int s = graph.SourceOf(e), t = graph.TargetOf(e);
            var label = graph.LabelOf(e);
            if (s == t)
            {
                routes[e] = SelfLoop(graph, options, g, e, s, x, y, loopIndex, loopLabelOffset, Breadth, DepthOf, ToPoint, ToRect);
                continue;
            }

            points.Clear();
            var labelBox = default(Rect);
            int first = g.ChainStart[e], last = g.ChainStart[e + 1] - 1;
            int upper = g.Chain[first], lower = g.Chain[last];
            double upperDepth = DepthOf(graph.NodeSize(upper)), lowerDepth = DepthOf(graph.NodeSize(lower));
            int ru = g.Rank[upper], rl = g.Rank[lower];
            Add(points, ToPoint(downPort[e], y[ru] + (upperDepth / 2)));
            Add(points, ToPoint(downPort[e], y[ru] + (bandDepth[ru] / 2)));
            for (int i = first + 1; i < last; i++)
            {
                int item = g.Chain[i];
                int r = g.Rank[item];
                Add(points, ToPoint(x[item], y[r] - (bandDepth[r] / 2)));
                Add(points, ToPoint(x[item], y[r] + (bandDepth[r] / 2)));
                if (g.IsLabel[item])
                {
                    double lb = Breadth(label), ld = DepthOf(label);
                    labelBox = ToRect(x[item] + options.LabelGap, y[r] - (ld / 2), lb, ld);
                }
            }

            Add(points, ToPoint(upPort[e], y[rl] - (bandDepth[rl] / 2)));
            Add(points, ToPoint(upPort[e], y[rl] - (lowerDepth / 2)));
            if (reversed[e])
            {
                points.Reverse();
            }

            routes[e] = new EdgeRoute([.. points], reversed[e], false, labelBox);
        }

        var lanes = new Rect[laneStart.Length];
        for (int k = 0; k < lanes.Length; k++)
        {
            lanes[k] = ToRect(laneStart[k], 0, laneEnd[k] - laneStart[k], totalDepth);
        }

        int layerCount = n == 0 ? 0 : layers.Max() + 1;
        return across
            ? new GraphLayout(options.Direction, totalBreadth, totalDepth, nodes, routes, lanes, layers, layerCount, crossings)
            : new GraphLayout(options.Direction, totalDepth, totalBreadth, nodes, routes, lanes, layers, layerCount, crossings);
    }

    private static void Add(List<Point> points, Point p)
    {
        if (points.Count == 0 || points[^1] != p)
        {
            points.Add(p);
        }
    }

    /// <summary>Where each edge leaves its upper node and enters its lower node, across the layer.</summary>
    private static (double[] Down, double[] Up) Ports(LayoutGraph graph, ProperGraph g, double[] x, Func<Size, double> breadth)
    {
        int n = graph.NodeCount, m = graph.EdgeCount;
        var down = new double[m];
        var up = new double[m];
        var leaving = new List<(double Towards, int Edge)>[n];
        var entering = new List<(double Towards, int Edge)>[n];
        for (int v = 0; v < n; v++)
        {
            leaving[v] = [];
            entering[v] = [];
        }

        for (int e = 0; e < m; e++)
        {
            int first = g.ChainStart[e], last = g.ChainStart[e + 1] - 1;
            if (last <= first)
            {
                continue;
            }

            leaving[g.Chain[first]].Add((x[g.Chain[first + 1]], e));
            entering[g.Chain[last]].Add((x[g.Chain[last - 1]], e));
        }

        for (int v = 0; v < n; v++)
        {
            double half = breadth(graph.NodeSize(v)) / 2;
            Spread(leaving[v], x[v] - half, x[v] + half, down);
            Spread(entering[v], x[v] - half, x[v] + half, up);
        }

        return (down, up);
    }

    private static void Spread(List<(double Towards, int Edge)> edges, double from, double to, double[] port)
    {
        if (edges.Count == 0)
        {
            return;
        }

        edges.Sort((a, b) => a.Towards != b.Towards ? a.Towards.CompareTo(b.Towards) : a.Edge.CompareTo(b.Edge));
        double inset = Math.Min(8, (to - from) / 4);
        double lo = from + inset, hi = to - inset;
        int k = edges.Count;
        double step = k == 1 ? 0 : Math.Min(6, (hi - lo) / (k - 1));
        var p = new double[k];
        for (int i = 0; i < k; i++)
        {
            p[i] = Math.Clamp(edges[i].Towards, lo, hi);
            if (i > 0)
            {
                p[i] = Math.Max(p[i], p[i - 1] + step);
            }
        }

        if (p[k - 1] > hi)
        {
            p[k - 1] = hi;
            for (int i = k - 2; i >= 0; i--)
            {
                p[i] = Math.Min(p[i], p[i + 1] - step);
            }
        }

        for (int i = 0; i < k; i++)
        {
            port[edges[i].Edge] = p[i];
        }
    }

    private static EdgeRoute SelfLoop(
        LayoutGraph graph,
        LayoutOptions options,
        ProperGraph g,
        int e,
        int v,
        double[] x,
        double[] y,
        int[] loopIndex,
        double[] labelOffset,
        Func<Size, double> breadth,
        Func<Size, double> depthOf,
        Func<double, double, Point> toPoint,
        Func<double, double, double, double, Rect> toRect)
    {
        var size = graph.NodeSize(v);
        int k = loopIndex[v]++;
        int count = g.SelfLoops[v];
        double side = x[v] + (breadth(size) / 2);
        double reach = options.SelfLoopReach * (k + 1);
        double depth = depthOf(size);
        double half = depth * (0.18 + (0.25 * (k + 1) / (count + 1)));
        double centre = y[g.Rank[v]];
        Point[] points =
        [
            toPoint(side, centre - half),
            toPoint(side + reach, centre - half),
            toPoint(side + reach, centre + half),
            toPoint(side, centre + half),
        ];
        var label = graph.LabelOf(e);
        var box = default(Rect);
        if (!label.IsEmpty)
        {
            // Labels of a node's loops stack along the flow, beside the outermost loop.
            double total = 0;
            for (int f = 0; f < graph.EdgeCount; f++)
            {
                if (graph.SourceOf(f) == v && graph.TargetOf(f) == v && !graph.LabelOf(f).IsEmpty)
                {
                    total += depthOf(graph.LabelOf(f)) + (total > 0 ? 2 : 0);
                }
            }

            double lb = breadth(label), ld = depthOf(label);
            double start = centre - (total / 2) + labelOffset[v];
            labelOffset[v] += ld + 2;
            box = toRect(side + (options.SelfLoopReach * count) + options.LabelGap, start, lb, ld);
        }

        return new EdgeRoute(points, false, true, box);
    }
}
