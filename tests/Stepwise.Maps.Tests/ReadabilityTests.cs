using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Xunit.Abstractions;

namespace Stepwise.Maps.Tests;

/// <summary>
/// What makes a map readable at a glance, measured on the drawn SVG of every real log (shared data and samples/),
/// full and simplified, with and without lanes, in both directions: every label beside its own line with no other
/// line within 6 px of its anchor; arrowheads that never overlap; edge ends on one side of a box far enough apart
/// that lines do not overlap.
/// </summary>
public class ReadabilityTests(ITestOutputHelper output)
{
    private const double Clearance = 6;

    public static TheoryData<string, double, double, string?, MapOverlay, LayoutDirection> Maps()
    {
        var data = new TheoryData<string, double, double, string?, MapOverlay, LayoutDirection>();
        (string Log, double A, double P, string? Lanes)[] maps =
        [
            ("helpdesk", 100, 100, null), ("helpdesk", 80, 50, null), ("helpdesk", 100, 100, "workgroup"),
            ("bpic2013", 100, 100, null), ("bpic2013", 100, 100, "org:group"), ("bpic2013-status", 100, 100, "org:group"),
            ("bpic2013-status", 100, 60, "org:role"), ("incidents", 100, 100, null), ("incidents", 100, 40, "assignment_group"),
            ("running", 100, 100, "org:resource"), ("samples-helpdesk", 80, 50, "workgroup"), ("samples-running", 100, 100, null),
        ];
        foreach (var (log, a, p, lanes) in maps)
        {
            foreach (var direction in new[] { LayoutDirection.TopToBottom, LayoutDirection.LeftToRight })
            {
                data.Add(log, a, p, lanes, lanes is null ? MapOverlay.Frequency : MapOverlay.Performance, direction);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Maps))]
    public void Svg_RealLog_LabelsBesideTheirOwnLineAndArrowheadsApart(string log, double activities, double paths, string? lanes, MapOverlay overlay, LayoutDirection direction)
    {
        var map = ProcessMap.Build(RealLogs.Named(log), new MapOptions { ActivityPercent = activities, PathPercent = paths, LaneAttribute = lanes });
        var drawing = MapDrawing.Create(map, new MapStyle { Overlay = overlay, Direction = direction });
        var drawn = DrawnMap.Parse(SvgMap.Render(drawing));

        var (labels, nearest) = AssertLabelsClear(drawing.Layout, drawn);
        int arrows = AssertArrowheadsApart(drawn);
        AssertEndsApart(drawn, map.Edges.Select(e => (e.Source, e.Target)).ToList());
        output.WriteLine($"{log} {activities}/{paths} lanes={lanes ?? "none"} {direction}: {labels} labels, nearest other line {nearest:F1} px from an anchor; {arrows} arrowheads");
    }

    public static TheoryData<int, int, int, int> RandomCases() => LayeredLayoutTests.RandomCases();

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Layout_RandomGraph_LabelsClearOfOtherLinesAndPortsApart(int seed, int nodes, int edges, int lanes)
    {
        var graph = RandomGraphs.Create(seed, nodes, edges, lanes);
        var random = new Random(seed);
        var strokes = new EdgeStroke[graph.EdgeCount];
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            double width = 1 + (random.NextDouble() * 7);
            strokes[e] = new EdgeStroke(width, width + 6, 7 + (0.6 * width));
            graph.SetStroke(e, strokes[e]);
        }

        var layout = LayeredLayout.Compute(graph);

        // The routes as polylines (the SVG draws diagonal segments as curves within the same gap; the map tests above
        // check the curves).
        var lines = layout.Edges.Select(r => r.Points.ToList()).ToList();
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            var route = layout.Edges[e];
            if (route.Label.IsEmpty)
            {
                continue;
            }

            double own = route.SelfLoop ? double.NaN : DrawnMap.Distance(route.LabelAnchor, lines[e]);
            Assert.True(route.SelfLoop || own <= Math.Max(1, strokes[e].LineWidth / 2) + 3 + 0.01, $"the label of edge {e} is {own:F1} px from its line");
            for (int f = 0; f < graph.EdgeCount; f++)
            {
                if (f != e)
                {
                    double d = DrawnMap.Distance(route.LabelAnchor, lines[f]) - (strokes[f].LineWidth / 2);
                    Assert.True(d >= Clearance, $"edge {f} passes {d:F1} px from the label anchor of edge {e}");
                }
            }
        }

        // Ends on one node side never overlap: for every pair of edges meeting a node on the same side, their ends are
        // at least half of each one's breadth apart.
        for (int v = 0; v < graph.NodeCount; v++)
        {
            var ends = new List<(Point P, double Breadth)>();
            for (int e = 0; e < graph.EdgeCount; e++)
            {
                if (layout.Edges[e].SelfLoop)
                {
                    continue;
                }

                if (graph.SourceOf(e) == v)
                {
                    ends.Add((layout.Edges[e].Points[0], strokes[e].LineWidth));
                }

                if (graph.TargetOf(e) == v)
                {
                    ends.Add((layout.Edges[e].Points[^1], strokes[e].TargetBreadth));
                }
            }

            for (int a = 0; a < ends.Count; a++)
            {
                for (int b = a + 1; b < ends.Count; b++)
                {
                    if (Math.Abs(ends[a].P.Y - ends[b].P.Y) < 0.01)
                    {
                        double gap = Math.Abs(ends[a].P.X - ends[b].P.X);
                        Assert.True(gap >= ((ends[a].Breadth + ends[b].Breadth) / 2) - 0.01, $"two edge ends on node {v} are {gap:F1} px apart");
                    }
                }
            }
        }
    }

    private static (int Labels, double Nearest) AssertLabelsClear(GraphLayout layout, DrawnMap drawn)
    {
        int labels = 0;
        double nearest = double.PositiveInfinity;
        foreach (var edge in drawn.Edges)
        {
            if (edge.Label is not { } label)
            {
                continue;
            }

            labels++;
            var route = layout.Edges[edge.Id];

            // The text is drawn in the label's box, and the anchor is on the box's side facing the line.
            Assert.True(route.Label.Contains(label.Anchor, 1.5), $"the label '{label.Text}' of path {edge.Id} is drawn outside its box");
            var anchor = route.LabelAnchor;
            Assert.True(route.Label.IsOnBorder(anchor, 0.01), $"the anchor of path {edge.Id} is not on its label's border");
            double own = DrawnMap.Distance(anchor, edge.Line);
            Assert.True(own <= (edge.Width / 2) + 3.5, $"the label '{label.Text}' of path {edge.Id} is {own:F1} px from its own line");
            foreach (var other in drawn.Edges)
            {
                if (other.Id == edge.Id)
                {
                    continue;
                }

                double d = DrawnMap.Distance(anchor, other.Line) - (other.Width / 2);
                nearest = Math.Min(nearest, d);
                Assert.True(d >= Clearance, $"path {other.Id} passes {d:F1} px from the anchor of the label '{label.Text}' of path {edge.Id}");
            }
        }

        return (labels, nearest);
    }

    private static int AssertArrowheadsApart(DrawnMap drawn)
    {
        for (int a = 0; a < drawn.Edges.Count; a++)
        {
            for (int b = a + 1; b < drawn.Edges.Count; b++)
            {
                Assert.False(DrawnMap.TrianglesOverlap(drawn.Edges[a].Arrow, drawn.Edges[b].Arrow), $"the arrowheads of paths {drawn.Edges[a].Id} and {drawn.Edges[b].Id} overlap");
            }
        }

        return drawn.Edges.Count;
    }

    /// <summary>Where paths leave a box, their lines do not overlap: any two starts on the same side of one box are at
    /// least half of each line's width apart.</summary>
    private static void AssertEndsApart(DrawnMap drawn, List<(int Source, int Target)> edges)
    {
        var byNode = drawn.Edges.Where(e => !e.Loop).GroupBy(e => edges[e.Id].Source);
        foreach (var group in byNode)
        {
            var starts = group.ToList();
            for (int a = 0; a < starts.Count; a++)
            {
                for (int b = a + 1; b < starts.Count; b++)
                {
                    var p = starts[a].Line[0];
                    var q = starts[b].Line[0];
                    bool sameSide = Math.Abs(p.Y - q.Y) < 0.01 || Math.Abs(p.X - q.X) < 0.01;
                    double gap = Math.Max(Math.Abs(p.X - q.X), Math.Abs(p.Y - q.Y));
                    Assert.False(sameSide && gap < ((starts[a].Width + starts[b].Width) / 2) - 0.01, $"paths {starts[a].Id} and {starts[b].Id} leave box {group.Key} {gap:F1} px apart");
                }
            }
        }
    }
}
