using Stepwise.Maps.Layout;

namespace Stepwise.Maps.Tests;

/// <summary>Independent checks of a drawing's geometry: overlaps, edge ends, routes through nodes, and crossings
/// counted from the drawn polylines.</summary>
internal static class DrawingChecks
{
    public static void AssertNoNodeOverlaps(GraphLayout layout)
    {
        for (int a = 0; a < layout.Nodes.Count; a++)
        {
            for (int b = a + 1; b < layout.Nodes.Count; b++)
            {
                Assert.False(layout.Nodes[a].Overlaps(layout.Nodes[b]), $"nodes {a} {layout.Nodes[a]} and {b} {layout.Nodes[b]} overlap");
            }
        }
    }

    public static void AssertEdgesEndOnTheirNodes(LayoutGraph graph, GraphLayout layout)
    {
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            var points = layout.Edges[e].Points;
            Assert.True(points.Count >= 2, $"edge {e} has {points.Count} points");
            var source = layout.Nodes[graph.SourceOf(e)];
            var target = layout.Nodes[graph.TargetOf(e)];
            Assert.True(source.IsOnBorder(points[0]), $"edge {e} starts at {points[0]}, not on its source {source}");
            Assert.True(target.IsOnBorder(points[^1]), $"edge {e} ends at {points[^1]}, not on its target {target}");
        }
    }

    public static void AssertLabelsClear(GraphLayout layout)
    {
        var labels = layout.Edges.Select(r => r.Label).Where(l => !l.IsEmpty).ToList();
        foreach (var label in labels)
        {
            foreach (var node in layout.Nodes)
            {
                Assert.False(label.Overlaps(node), $"label {label} overlaps node {node}");
            }
        }

        for (int a = 0; a < labels.Count; a++)
        {
            for (int b = a + 1; b < labels.Count; b++)
            {
                Assert.False(labels[a].Overlaps(labels[b]), $"labels {labels[a]} and {labels[b]} overlap");
            }
        }
    }

    /// <summary>No segment of a route passes through the interior of a node or a label (other than its own label).</summary>
    public static void AssertRoutesAvoidBoxes(GraphLayout layout)
    {
        for (int e = 0; e < layout.Edges.Count; e++)
        {
            var route = layout.Edges[e];
            for (int i = 0; i + 1 < route.Points.Count; i++)
            {
                var p = route.Points[i];
                var q = route.Points[i + 1];
                for (int v = 0; v < layout.Nodes.Count; v++)
                {
                    Assert.False(CrossesInterior(p, q, layout.Nodes[v]), $"edge {e} segment {p}-{q} passes through node {v} {layout.Nodes[v]}");
                }

                for (int f = 0; f < layout.Edges.Count; f++)
                {
                    var label = layout.Edges[f].Label;
                    if (f != e && !label.IsEmpty)
                    {
                        Assert.False(CrossesInterior(p, q, label), $"edge {e} segment {p}-{q} passes through the label of edge {f} {label}");
                    }
                }
            }
        }
    }

    public static void AssertLanesContainNodes(GraphLayout layout, Func<int, int> laneOf)
    {
        for (int v = 0; v < layout.Nodes.Count; v++)
        {
            var lane = layout.Lanes[laneOf(v)];
            Assert.True(lane.Contains(layout.Nodes[v]), $"node {v} {layout.Nodes[v]} lies outside its lane {laneOf(v)} {lane}");
        }

        for (int a = 0; a < layout.Lanes.Count; a++)
        {
            for (int b = a + 1; b < layout.Lanes.Count; b++)
            {
                Assert.False(layout.Lanes[a].Overlaps(layout.Lanes[b]), $"lanes {a} and {b} overlap");
            }
        }
    }

    /// <summary>Crossings of the drawn routes: pairs of segments of different edges that properly intersect.</summary>
    public static int GeometricCrossings(GraphLayout layout)
    {
        var segments = new List<(Point P, Point Q, int Edge)>();
        for (int e = 0; e < layout.Edges.Count; e++)
        {
            if (layout.Edges[e].SelfLoop)
            {
                continue;
            }

            var pts = layout.Edges[e].Points;
            for (int i = 0; i + 1 < pts.Count; i++)
            {
                segments.Add((pts[i], pts[i + 1], e));
            }
        }

        int crossings = 0;
        for (int a = 0; a < segments.Count; a++)
        {
            for (int b = a + 1; b < segments.Count; b++)
            {
                if (segments[a].Edge != segments[b].Edge && ProperlyIntersect(segments[a].P, segments[a].Q, segments[b].P, segments[b].Q))
                {
                    crossings++;
                }
            }
        }

        return crossings;
    }

    public static bool ProperlyIntersect(Point a, Point b, Point c, Point d)
    {
        double d1 = Cross(c, d, a), d2 = Cross(c, d, b), d3 = Cross(a, b, c), d4 = Cross(a, b, d);
        const double eps = 1e-9;
        return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
    }

    private static double Cross(Point o, Point a, Point b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));

    /// <summary>Whether segment p-q passes through the open interior of <paramref name="box"/> (touching its border is fine).</summary>
    public static bool CrossesInterior(Point p, Point q, Rect box)
    {
        const double eps = 1e-6;
        double x0 = box.X + eps, x1 = box.Right - eps, y0 = box.Y + eps, y1 = box.Bottom - eps;
        if (x0 >= x1 || y0 >= y1)
        {
            return false;
        }

        // Liang-Barsky clipping of the segment against the shrunken box.
        double t0 = 0, t1 = 1, dx = q.X - p.X, dy = q.Y - p.Y;
        foreach (var (pk, qk) in new[] { (-dx, p.X - x0), (dx, x1 - p.X), (-dy, p.Y - y0), (dy, y1 - p.Y) })
        {
            if (pk == 0)
            {
                if (qk < 0)
                {
                    return false;
                }

                continue;
            }

            double t = qk / pk;
            if (pk < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }

            if (t0 > t1)
            {
                return false;
            }
        }

        return t1 - t0 > 1e-9;
    }
}
