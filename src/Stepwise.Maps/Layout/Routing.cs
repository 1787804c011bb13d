namespace Stepwise.Maps.Layout;

/// <summary>
/// Turns ranks and coordinates into boxes and routes. Each edge leaves and enters its nodes through ports spread
/// along the side facing the flow, in the order of where the edges go (so edges of one node never cross at the node),
/// far enough apart that neither lines nor arrowheads overlap; it runs straight from the node for at least an
/// arrowhead's length, straight through every rank it passes in the corridor its chain item reserved, and changes
/// position only in the empty gap between two ranks (diagonally, or with right-angled bends on separate tracks).
/// </summary>
internal static class Routing
{
    public static GraphLayout Build(LayoutGraph graph, LayoutOptions options, ProperGraph g, bool[] reversed, int[] layers, double[] x, double[] laneStart, double[] laneEnd, CrossingReport crossings)
    {
        bool across = options.Direction == LayoutDirection.TopToBottom;
        double Breadth(Size s) => across ? s.Width : s.Height;
        double DepthOf(Size s) => across ? s.Height : s.Width;
        Point ToPoint(Point p) => across ? p : new Point(p.Y, p.X);
        Rect ToRect(double o, double k, double oLength, double kLength) => across ? new Rect(o, k, oLength, kLength) : new Rect(k, o, kLength, oLength);

        int n = graph.NodeCount, m = graph.EdgeCount;
        double pad = options.LanePadding;
        double arrowRoom = 0;
        for (int e = 0; e < m; e++)
        {
            arrowRoom = Math.Max(arrowRoom, graph.StrokeOf(e).ArrowLength);
        }

        arrowRoom = arrowRoom > 0 ? arrowRoom + 4 : 0;
        var bandDepth = new double[g.RankCount];
        for (int item = 0; item < g.ItemCount; item++)
        {
            bandDepth[g.Rank[item]] = Math.Max(bandDepth[g.Rank[item]], g.Depth[item]);
        }

        // Node ranks get room for a straight run into every arrowhead, above and below their boxes.
        for (int r = 0; r < g.RankCount; r += 2)
        {
            bandDepth[r] += 2 * arrowRoom;
        }

        var y = new double[g.RankCount];
        double cursor = options.LaneHeader + pad - arrowRoom;
        for (int r = 0; r < g.RankCount; r++)
        {
            if (r > 0)
            {
                cursor += options.LayerSpacing / 2;
            }

            y[r] = cursor + (bandDepth[r] / 2);
            cursor += bandDepth[r];
        }

        double totalDepth = cursor + pad - arrowRoom;
        double totalBreadth = laneEnd.Length == 0 ? 0 : laneEnd[^1];

        var nodes = new Rect[n];
        for (int v = 0; v < n; v++)
        {
            double b = g.NodeBreadth[v], d = DepthOf(graph.NodeSize(v));
            nodes[v] = ToRect(x[v] - (b / 2), y[g.Rank[v]] - (d / 2), b, d);
        }

        var (downPort, upPort) = Ports(graph, options, g, reversed, x);
        var routes = new List<Point>[m];
        var labels = new Rect[m];
        var anchors = new Point[m];
        var loopIndex = new int[n];
        var loopLabelOffset = new double[n];
        var selfLoop = new EdgeRoute?[m];
        for (int e = 0; e < m; e++)
        {
            int s = graph.SourceOf(e), t = graph.TargetOf(e);
            var label = graph.LabelOf(e);
            if (s == t)
            {
                selfLoop[e] = SelfLoop(graph, options, g, e, s, x, y, loopIndex, loopLabelOffset, DepthOf, Breadth, ToPoint, ToRect);
                continue;
            }

            // Points in layout axes (X across the layers, Y along the flow), turned at the end.
            var points = new List<Point>();
            int first = g.ChainStart[e], last = g.ChainStart[e + 1] - 1;
            int upper = g.Chain[first], lower = g.Chain[last];
            double upperDepth = DepthOf(graph.NodeSize(upper)), lowerDepth = DepthOf(graph.NodeSize(lower));
            int ru = g.Rank[upper], rl = g.Rank[lower];
            double half = Math.Max(1, graph.StrokeOf(e).LineWidth / 2);
            Add(points, new Point(downPort[e], y[ru] + (upperDepth / 2)));
            Add(points, new Point(downPort[e], y[ru] + (bandDepth[ru] / 2)));
            for (int i = first + 1; i < last; i++)
            {
                int item = g.Chain[i];
                int r = g.Rank[item];
                Add(points, new Point(x[item], y[r] - (bandDepth[r] / 2)));
                Add(points, new Point(x[item], y[r] + (bandDepth[r] / 2)));
                if (g.IsLabel[item])
                {
                    double lb = Breadth(label), ld = DepthOf(label);
                    labels[e] = ToRect(x[item] + half + options.LabelGap, y[r] - (ld / 2), lb, ld);
                    anchors[e] = ToPoint(new Point(x[item] + half + options.LabelGap, y[r]));
                }
            }

            Add(points, new Point(upPort[e], y[rl] - (bandDepth[rl] / 2)));
            Add(points, new Point(upPort[e], y[rl] - (lowerDepth / 2)));
            routes[e] = points;
        }

        if (options.Orthogonal)
        {
            SquareBends(routes, options);
        }

        var result = new EdgeRoute[m];
        for (int e = 0; e < m; e++)
        {
            if (selfLoop[e] is { } loop)
            {
                result[e] = loop;
                continue;
            }

            var points = routes[e].Select(ToPoint).ToList();
            if (reversed[e])
            {
                points.Reverse();
            }

            result[e] = new EdgeRoute(points, reversed[e], false, labels[e], anchors[e]);
        }

        var lanes = new Rect[laneStart.Length];
        for (int k = 0; k < lanes.Length; k++)
        {
            lanes[k] = ToRect(laneStart[k], 0, laneEnd[k] - laneStart[k], totalDepth);
        }

        int layerCount = n == 0 ? 0 : layers.Max() + 1;
        return across
            ? new GraphLayout(options.Direction, totalBreadth, totalDepth, nodes, result, lanes, layers, layerCount, crossings)
            : new GraphLayout(options.Direction, totalDepth, totalBreadth, nodes, result, lanes, layers, layerCount, crossings);
    }

    private static void Add(List<Point> points, Point p)
    {
        if (points.Count == 0 || points[^1] != p)
        {
            points.Add(p);
        }
    }

    /// <summary>Replaces each diagonal segment (a change of position in a gap between ranks) by a right-angled bend on a
    /// track of its own within the gap, so that no two bends overlap.</summary>
    private static void SquareBends(List<Point>[] routes, LayoutOptions options)
    {
        var gaps = new SortedDictionary<double, List<(int Edge, int Index)>>();
        for (int e = 0; e < routes.Length; e++)
        {
            var points = routes[e];
            if (points is null)
            {
                continue;
            }

            for (int i = 0; i + 1 < points.Count; i++)
            {
                if (points[i].X != points[i + 1].X && points[i].Y != points[i + 1].Y)
                {
                    double key = Math.Round(points[i].Y, 3);
                    if (!gaps.TryGetValue(key, out var list))
                    {
                        gaps[key] = list = [];
                    }

                    list.Add((e, i));
                }
            }
        }

        var inserts = new List<(int Edge, int Index, Point A, Point B)>();
        foreach (var (_, segments) in gaps)
        {
            // Greedy interval colouring: a segment takes the first track whose last segment ends before it starts.
            var ordered = segments.OrderBy(s => Math.Min(routes[s.Edge][s.Index].X, routes[s.Edge][s.Index + 1].X)).ThenBy(s => s.Edge).ToList();
            var trackEnd = new List<double>();
            var trackOf = new int[ordered.Count];
            for (int k = 0; k < ordered.Count; k++)
            {
                var (e, i) = ordered[k];
                double lo = Math.Min(routes[e][i].X, routes[e][i + 1].X), hi = Math.Max(routes[e][i].X, routes[e][i + 1].X);
                int track = trackEnd.FindIndex(end => end + options.EdgeSpacing <= lo);
                if (track < 0)
                {
                    track = trackEnd.Count;
                    trackEnd.Add(hi);
                }
                else
                {
                    trackEnd[track] = hi;
                }

                trackOf[k] = track;
            }

            for (int k = 0; k < ordered.Count; k++)
            {
                var (e, i) = ordered[k];
                var a = routes[e][i];
                var b = routes[e][i + 1];
                double at = a.Y + ((b.Y - a.Y) * (trackOf[k] + 1) / (trackEnd.Count + 1));
                inserts.Add((e, i, new Point(a.X, at), new Point(b.X, at)));
            }
        }

        // Insert from the back of each route so earlier indices stay valid.
        foreach (var (e, i, a, b) in inserts.OrderByDescending(x => x.Index))
        {
            routes[e].Insert(i + 1, b);
            routes[e].Insert(i + 1, a);
        }
    }

    /// <summary>Where each edge leaves its upper node and enters its lower node, across the layer.</summary>
    private static (double[] Down, double[] Up) Ports(LayoutGraph graph, LayoutOptions options, ProperGraph g, bool[] reversed, double[] x)
    {
        int n = graph.NodeCount, m = graph.EdgeCount;
        var down = new double[m];
        var up = new double[m];
        var leaving = new List<(double Towards, int Edge, double Need)>[n];
        var entering = new List<(double Towards, int Edge, double Need)>[n];
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

            var stroke = graph.StrokeOf(e);
            double atUpper = reversed[e] ? stroke.TargetBreadth : stroke.LineWidth;
            double atLower = reversed[e] ? stroke.LineWidth : stroke.TargetBreadth;
            leaving[g.Chain[first]].Add((x[g.Chain[first + 1]], e, atUpper));
            entering[g.Chain[last]].Add((x[g.Chain[last - 1]], e, atLower));
        }

        for (int v = 0; v < n; v++)
        {
            double half = g.NodeBreadth[v] / 2;
            Spread(leaving[v], x[v] - half, x[v] + half, options, down);
            Spread(entering[v], x[v] - half, x[v] + half, options, up);
        }

        return (down, up);
    }

    /// <summary>Places ports as near as possible to where their edges go, in that order, each at least half its own
    /// and half its neighbour's breadth plus a gap from the next; the node is wide enough for all of them.</summary>
    private static void Spread(List<(double Towards, int Edge, double Need)> edges, double from, double to, LayoutOptions options, double[] port)
    {
        int k = edges.Count;
        if (k == 0)
        {
            return;
        }

        edges.Sort((a, b) => a.Towards != b.Towards ? a.Towards.CompareTo(b.Towards) : a.Edge.CompareTo(b.Edge));
        double inset = Math.Min(options.PortInset, (to - from) / 4);
        var p = new double[k];
        double Gap(int i) => (edges[i - 1].Need / 2) + (edges[i].Need / 2) + options.PortGap;
        double lo = from + inset + (edges[0].Need / 2), hi = to - inset - (edges[k - 1].Need / 2);
        double needed = 0;
        for (int i = 1; i < k; i++)
        {
            needed += Gap(i);
        }

        if (needed >= hi - lo)
        {
            // Exactly as wide as needed (or wider than the node, which the layout prevents): spread evenly.
            double scale = needed <= 0 ? 1 : Math.Min(1, (hi - lo) / needed);
            double at = k == 1 ? (lo + hi) / 2 : lo;
            for (int i = 0; i < k; i++)
            {
                at += i == 0 ? 0 : Gap(i) * scale;
                port[edges[i].Edge] = at;
            }

            return;
        }

        // Forward: as near the target as allowed, keeping room for the ports still to come on the right.
        double rest = needed;
        for (int i = 0; i < k; i++)
        {
            if (i > 0)
            {
                rest -= Gap(i);
            }

            double least = i == 0 ? lo : p[i - 1] + Gap(i);
            p[i] = Math.Max(least, Math.Min(edges[i].Towards, hi - rest));
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
        Func<Size, double> depthOf,
        Func<Size, double> breadth,
        Func<Point, Point> toPoint,
        Func<double, double, double, double, Rect> toRect)
    {
        var size = graph.NodeSize(v);
        int k = loopIndex[v]++;
        int count = g.SelfLoops[v];
        double side = x[v] + (g.NodeBreadth[v] / 2);
        double reach = options.SelfLoopReach * (k + 1);
        double depth = depthOf(size);
        double half = depth * (0.18 + (0.25 * (k + 1) / (count + 1)));
        double centre = y[g.Rank[v]];
        Point[] points =
        [
            toPoint(new Point(side, centre - half)),
            toPoint(new Point(side + reach, centre - half)),
            toPoint(new Point(side + reach, centre + half)),
            toPoint(new Point(side, centre + half)),
        ];
        var label = graph.LabelOf(e);
        var box = default(Rect);
        var anchor = default(Point);
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
            double at = side + (options.SelfLoopReach * count) + Math.Max(1, graph.StrokeOf(e).LineWidth / 2) + options.LabelGap;
            box = toRect(at, start, lb, ld);
            anchor = toPoint(new Point(at, start + (ld / 2)));
        }

        return new EdgeRoute(points, false, true, box, anchor);
    }
}
