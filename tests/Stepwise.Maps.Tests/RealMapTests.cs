using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Xunit.Abstractions;

namespace Stepwise.Maps.Tests;

public class RealMapTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, double, string?, MapOverlay, LayoutDirection> Maps() => new()
    {
        { "helpdesk", 100, 100, null, MapOverlay.Frequency, LayoutDirection.TopToBottom },
        { "helpdesk", 80, 50, null, MapOverlay.Performance, LayoutDirection.TopToBottom },
        { "helpdesk", 100, 100, "workgroup", MapOverlay.Frequency, LayoutDirection.LeftToRight },
        { "bpic2013", 100, 100, "org:group", MapOverlay.Frequency, LayoutDirection.TopToBottom },
        { "bpic2013", 100, 100, "org:group", MapOverlay.Performance, LayoutDirection.LeftToRight },
        { "bpic2013-status", 100, 100, "org:group", MapOverlay.Frequency, LayoutDirection.TopToBottom },
        { "bpic2013-status", 100, 60, "org:role", MapOverlay.Performance, LayoutDirection.TopToBottom },
        { "incidents", 100, 40, "assignment_group", MapOverlay.Frequency, LayoutDirection.TopToBottom },
    };

    [Theory]
    [MemberData(nameof(Maps))]
    public void Drawing_RealLog_IsCleanAndBeatsNaiveCrossings(string log, double activities, double paths, string? lanes, MapOverlay overlay, LayoutDirection direction)
    {
        var map = ProcessMap.Build(RealLogs.Named(log), new MapOptions { ActivityPercent = activities, PathPercent = paths, LaneAttribute = lanes });
        var drawing = MapDrawing.Create(map, new MapStyle { Overlay = overlay, Direction = direction });
        var layout = drawing.Layout;

        DrawingChecks.AssertNoNodeOverlaps(layout);
        DrawingChecks.AssertLabelsClear(layout);
        DrawingChecks.AssertRoutesAvoidBoxes(layout);
        for (int e = 0; e < map.Edges.Count; e++)
        {
            var points = layout.Edges[e].Points;
            Assert.True(layout.Nodes[map.Edges[e].Source].IsOnBorder(points[0]), $"path {e} starts off its source");
            Assert.True(layout.Nodes[map.Edges[e].Target].IsOnBorder(points[^1]), $"path {e} ends off its target");
        }

        if (lanes is not null)
        {
            Assert.NotEmpty(map.Lanes);
            DrawingChecks.AssertLanesContainNodes(layout, v => map.Nodes[v].Lane);
        }

        int drawn = DrawingChecks.GeometricCrossings(layout);
        int naive = NaiveLayering.Crossings(LayoutGraphOf(drawing), layout.Edges.Select(r => r.Reversed).ToList());
        output.WriteLine($"{log} {activities}/{paths} lanes={lanes ?? "none"} {overlay} {direction}: {map.Nodes.Count} nodes, {map.Edges.Count} paths, {drawn} crossings drawn (layout counts {layout.Crossings}), naive baseline {naive}; {drawing.Width}x{drawing.Height} px");
        Assert.True(drawn <= naive, $"{drawn} crossings drawn, naive baseline {naive}");
    }

    [Theory]
    [InlineData("helpdesk", 80, 50, null)]
    [InlineData("helpdesk", 100, 100, null)]
    [InlineData("bpic2013", 100, 100, "org:group")]
    [InlineData("incidents", 100, 40, "assignment_group")]
    public void Drawing_RealLog_SmallestTextReadableOnA4(string log, double activities, double paths, string? lanes)
    {
        var map = ProcessMap.Build(RealLogs.Named(log), new MapOptions { ActivityPercent = activities, PathPercent = paths, LaneAttribute = lanes });
        var drawing = MapDrawing.Create(map);

        // Fit the picture (96 px per inch) into A4's printable area (10 mm margins), in the better orientation.
        const double mmPerPx = 25.4 / 96;
        double w = drawing.Width * mmPerPx, h = drawing.Height * mmPerPx;
        double scale = Math.Min(1, Math.Max(Math.Min(190 / w, 277 / h), Math.Min(277 / w, 190 / h)));
        double points = MapDrawing.SmallFontSize * scale * 72 / 96;
        output.WriteLine($"{log}: {drawing.Width}x{drawing.Height} px, printed at {scale:P0}, smallest text {points:F1} pt");
        Assert.True(points >= 6, $"the smallest text prints at {points:F1} pt on A4");
    }

    [Fact]
    public void Build_Helpdesk_CountsAgreeWithADirectCountOfTheLog()
    {
        var log = RealLogs.Helpdesk;
        var map = ProcessMap.Build(log);

        // Count the first and last activity of every case and every directly-follows pair straight from the log.
        var first = new Dictionary<string, int>();
        var last = new Dictionary<string, int>();
        var pairs = new Dictionary<(string, string), long>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            var acts = log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).ToArray();
            first[acts[0]] = first.GetValueOrDefault(acts[0]) + 1;
            last[acts[^1]] = last.GetValueOrDefault(acts[^1]) + 1;
            for (int i = 1; i < acts.Length; i++)
            {
                pairs[(acts[i - 1], acts[i])] = pairs.GetValueOrDefault((acts[i - 1], acts[i])) + 1;
            }
        }

        Assert.Equal(4580, map.Coverage.Cases);
        Assert.Equal(21348, map.Coverage.Events);
        Assert.Equal(14, map.Coverage.Activities);
        Assert.Equal(pairs.Count + first.Count + last.Count, map.Edges.Count);
        foreach (var edge in map.Edges)
        {
            string s = map.Nodes[edge.Source].Name, t = map.Nodes[edge.Target].Name;
            long expected = edge.Source == MapNode.StartId ? first[t] : edge.Target == MapNode.EndId ? last[s] : pairs[(s, t)];
            Assert.Equal(expected, edge.Frequency);
        }

        Assert.Equal(log.EventCount, map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Sum(n => n.Events));
        Assert.Equal(map.Coverage.Cases, map.Coverage.CasesFullyShown);
    }

    [Theory]
    [InlineData(100, 0)]
    [InlineData(80, 10)]
    [InlineData(60, 30)]
    [InlineData(30, 50)]
    [InlineData(10, 0)]
    public void Build_SimplifiedHelpdesk_EveryShownStepLiesBetweenStartAndEnd(double activities, double paths)
    {
        var map = ProcessMap.Build(RealLogs.Helpdesk, new MapOptions { ActivityPercent = activities, PathPercent = paths });

        var forward = Reach(map, MapNode.StartId, e => (e.Source, e.Target));
        var backward = Reach(map, MapNode.EndId, e => (e.Target, e.Source));
        Assert.All(map.Nodes, n => Assert.True(forward.Contains(n.Id) && backward.Contains(n.Id), $"{n.Name} is cut off from the start or the end"));
        Assert.Equal((int)Math.Ceiling(14 * activities / 100), map.Coverage.ShownActivities);
        Assert.True(map.Coverage.ShownPaths >= Math.Ceiling(map.Coverage.Paths * paths / 100));
        Assert.Equal(map.Coverage.Cases - map.Coverage.CasesFullyShown, map.Coverage.CasesPartlyHidden);
    }

    private static HashSet<int> Reach(ProcessMap map, int root, Func<MapEdge, (int From, int To)> direction)
    {
        var seen = new HashSet<int> { root };
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            foreach (var (from, to) in map.Edges.Select(direction))
            {
                if (from == u && seen.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return seen;
    }

    /// <summary>The layout graph a drawing was made from, rebuilt from the map (same ids, no sizes needed).</summary>
    private static LayoutGraph LayoutGraphOf(MapDrawing drawing)
    {
        var graph = new LayoutGraph();
        foreach (var node in drawing.Map.Nodes)
        {
            graph.AddNode(new Size(1, 1));
        }

        foreach (var edge in drawing.Map.Edges)
        {
            graph.AddEdge(edge.Source, edge.Target);
        }

        return graph;
    }
}
