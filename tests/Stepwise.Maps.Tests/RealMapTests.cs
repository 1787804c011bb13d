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
    [InlineData("helpdesk", 80, 50, null, MapFit.A4, 9)]
    [InlineData("helpdesk", 80, 50, null, MapFit.Slide, 9)]
    [InlineData("helpdesk", 80, 50, "workgroup", MapFit.Slide, 9)]
    // Lanes for the 4 busiest of 649 groups and the pool split 3 of the 4 steps 5 ways: only part of the paths fit.
    [InlineData("bpic2013", 100, 60, "org:group", MapFit.Slide, 9, 5)]
    [InlineData("bpic2013", 100, 60, "org:group", MapFit.A4, 9, 5)]
    [InlineData("incidents", 80, 50, null, MapFit.Slide, 9)]
    [InlineData("helpdesk", 100, 100, null, MapFit.A4, 6)]
    [InlineData("incidents", 100, 40, "assignment_group", MapFit.A4, 4)]
    public void Drawing_FitToPage_SmallestTextPrintsLargeEnough(string log, double activities, double paths, string? lanes, MapFit fit, double least, int maxLanes = 8)
    {
        var map = ProcessMap.Build(RealLogs.Named(log), new MapOptions { ActivityPercent = activities, PathPercent = paths, LaneAttribute = lanes, MaxLanes = maxLanes });
        var drawing = MapDrawing.Create(map, new MapStyle { Fit = fit });
        var svg = System.Xml.Linq.XDocument.Parse(SvgMap.Render(drawing)).Root!;

        // From the SVG alone: its physical size, its view box and the smallest font size in its style.
        double Inches(string a) => double.Parse(((string)svg.Attribute(a)!).Replace("in", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var box = ((string)svg.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var (w, h) = (Inches("width"), Inches("height"));
        (double W, double H) page = fit == MapFit.Slide ? (13.333, 7.5) : w < h ? (190 / 25.4, 277 / 25.4) : (277 / 25.4, 190 / 25.4);
        Assert.Equal(page.W, w, 2);
        Assert.Equal(page.H, h, 2);
        Assert.Equal(page.W / page.H, box[2] / box[3], 2);
        var sizes = System.Text.RegularExpressions.Regex.Matches(svg.Value + (string)svg.Element(System.Xml.Linq.XName.Get("style", "http://www.w3.org/2000/svg"))!, "font-size: ([0-9.]+)px").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        double points = sizes.Min() * (w * 72 / box[2]);

        output.WriteLine($"{log} {activities}/{paths} lanes={lanes ?? "none"} on {fit}: {drawing.Layout.Direction}, text x{drawing.TextScale}, {box[2]}x{box[3]} px, smallest text {points:F1} pt");
        Assert.Equal(points, drawing.SmallestTextPoints, 1);
        Assert.True(points >= least, $"the smallest text prints at {points:F1} pt");
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
        // Share of work, counted from the log: the shown steps make up the share of events, and without the least busy
        // of them they would not.
        var log = RealLogs.Helpdesk;
        var events = new Dictionary<string, long>();
        for (int row = 0; row < log.EventCount; row++)
        {
            string name = log.ActivityNames[log.Activities[row]];
            events[name] = events.GetValueOrDefault(name) + 1;
        }

        var steps = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => events[n.Name]).ToList();
        Assert.True(steps.Sum() >= activities / 100 * log.EventCount, "the shown steps make up less than the share of the events");
        Assert.True(steps.Sum() - steps.Min() < activities / 100 * log.EventCount || activities == 100, "a smaller set of steps would have made up the share");
        Assert.All(events.Where(kv => !steps.Contains(kv.Value) && map.Nodes.All(n => n.Name != kv.Key)), kv => Assert.True(kv.Value <= steps.Min(), $"{kv.Key} is hidden though busier than a shown step"));
        Assert.True(map.Coverage.ShownTransitions >= paths / 100 * map.Coverage.Transitions);
        Assert.Equal(map.Coverage.Cases - map.Coverage.CasesFullyShown, map.Coverage.CasesPartlyHidden);
    }

    [Theory]
    [InlineData("helpdesk")]
    [InlineData("bpic2013-status")]
    [InlineData("incidents")]
    public void Layout_RealLog_StepsThatMostCasesReachFirstAreDrawnFirst(string name)
    {
        var log = RealLogs.Named(name);
        var map = ProcessMap.Build(log);
        var layers = MapDrawing.Create(map).Layout.NodeLayers;

        // Which of two steps cases reach first, counted from the log by first occurrence.
        var first = new Dictionary<(int, int), int>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            var seen = new List<int>();
            foreach (int a in log.CaseActivities(c))
            {
                if (!seen.Contains(a))
                {
                    seen.Add(a);
                }
            }

            for (int i = 0; i < seen.Count; i++)
            {
                for (int j = i + 1; j < seen.Count; j++)
                {
                    first[(seen[i], seen[j])] = first.GetValueOrDefault((seen[i], seen[j])) + 1;
                }
            }
        }

        // For steps joined by a path: when two thirds of the cases with both reach one first (and at least ten cases
        // have both, so that a case or two cannot decide), it is in an earlier layer.
        int checkedPairs = 0;
        foreach (var edge in map.Edges.Where(e => e.Source >= 2 && e.Target >= 2 && e.Source != e.Target))
        {
            var (a, b) = (map.Nodes[edge.Source], map.Nodes[edge.Target]);
            int ab = first.GetValueOrDefault((a.Step, b.Step)), ba = first.GetValueOrDefault((b.Step, a.Step));
            if (ab >= 2 * ba && ab + ba >= 10)
            {
                checkedPairs++;
                Assert.True(layers[a.Id] < layers[b.Id], $"{a.Name} is reached first in {ab} cases and second in {ba}, but is drawn in layer {layers[a.Id]}, {b.Name} in {layers[b.Id]}");
            }
        }

        // Nothing is drawn level with or after the end, nor level with or before the start.
        Assert.All(map.Nodes.Where(n => n.Kind == MapNodeKind.Activity), n => Assert.True(layers[n.Id] < layers[MapNode.EndId] && layers[n.Id] > layers[MapNode.StartId], $"{n.Name} is not between start and end"));
        Assert.True(checkedPairs > 0);
    }

    [Fact]
    public void Layout_Helpdesk_WaitIsDrawnBeforeResolveTicket()
    {
        var map = ProcessMap.Build(RealLogs.Helpdesk);
        var layers = MapDrawing.Create(map).Layout.NodeLayers;
        Assert.True(layers[map.Nodes.Single(n => n.Name == "Wait").Id] < layers[map.Nodes.Single(n => n.Name == "Resolve ticket").Id]);
    }

    [Theory]
    [InlineData("helpdesk", null)]
    [InlineData("incidents", null)]
    [InlineData("bpic2013-status", null)]
    [InlineData("helpdesk", "workgroup")]
    public void Layout_SimplifiedAndFullMaps_KeepEveryPairOfStepsInTheSameOrder(string name, string? lanes)
    {
        var log = RealLogs.Named(name);
        var maps = new[] { (100.0, 100.0), (90, 70), (80, 50), (60, 20), (40, 0) }
            .Select(s => ProcessMap.Build(log, new MapOptions { ActivityPercent = s.Item1, PathPercent = s.Item2, LaneAttribute = lanes }))
            .Select(m => (Map: m, Layers: MapDrawing.Create(m).Layout.NodeLayers))
            .ToList();

        // For every two steps on two maps: if one map draws a before b, no other map draws b before a.
        int pairs = 0;
        for (int x = 0; x < maps.Count; x++)
        {
            for (int y = x + 1; y < maps.Count; y++)
            {
                var (mx, lx) = maps[x];
                var (my, ly) = maps[y];
                var stepsX = mx.Nodes.Where(n => n.Kind == MapNodeKind.Activity).ToList();
                var layerY = my.Nodes.Where(n => n.Kind == MapNodeKind.Activity).GroupBy(n => n.Step).ToDictionary(g => g.Key, g => g.Select(n => ly[n.Id]).ToList());
                foreach (var a in stepsX)
                {
                    foreach (var b in stepsX)
                    {
                        if (a.Step != b.Step && layerY.TryGetValue(a.Step, out var ya) && layerY.TryGetValue(b.Step, out var yb) && lx[a.Id] < lx[b.Id])
                        {
                            pairs++;
                            Assert.False(ya.Max() > yb.Min() && ya.Min() > yb.Max(), $"{a.Name} is drawn before {b.Name} on one map and after it on another");
                        }
                    }
                }
            }
        }

        Assert.True(pairs > 10);
    }

    [Theory]
    [InlineData("helpdesk", 70)]
    [InlineData("incidents", 71)]
    public void Layout_FullMap_AtLeast30PercentFewerCrossingsThanBefore(string name, int before)
    {
        // 'before' is what the map verb reported (edge_crossings) for the full map on the previous layout (barycentre
        // sweeps and transposition from one start, layers by longest path).
        var map = ProcessMap.Build(RealLogs.Named(name));
        var layout = MapDrawing.Create(map).Layout;

        output.WriteLine($"{name}: {layout.CrossingMethods} (before: {before})");
        Assert.True(layout.Crossings <= 0.7 * before, $"{layout.Crossings} crossings, before {before}");
        Assert.True(layout.Crossings <= Math.Min(layout.CrossingMethods.Barycentre, layout.CrossingMethods.Median));
        Assert.True(DrawingChecks.GeometricCrossings(layout) <= layout.Crossings + map.Edges.Count, "the drawing has far more crossings than the layered count");
    }

    [Theory]
    [InlineData("incidents", "assignment_group")]
    [InlineData("bpic2013", "org:group")]
    [InlineData("bpic2013-status", "org:role")]
    [InlineData("helpdesk", "workgroup")]
    public void Build_RealLogWithLanes_LanesTellTheTruthAboutWhoDoesTheWork(string name, string attribute)
    {
        var log = RealLogs.Named(name);
        var map = ProcessMap.Build(log, new MapOptions { LaneAttribute = attribute });

        // Every lane holds a box, and the pool says how many values it holds.
        Assert.All(map.Lanes.Where(l => !l.IsPooled), l => Assert.True(l.Activities > 0, $"lane {l.Name} is empty"));
        var pool = map.Lanes.SingleOrDefault(l => l.IsPooled);
        int own = map.Lanes.Count(l => !l.IsPooled && l.Name != MapLane.NoneName);
        var (codes, values) = Stepwise.Mining.Attributes.AttributeCodes.ForEvents(log, attribute);
        int distinct = codes.Where(c => c >= 0).Distinct().Count();
        Assert.Equal(distinct, map.LaneValueCount);
        if (pool is not null)
        {
            Assert.Equal(distinct - own + (map.Lanes.Any(l => l.Name == MapLane.NoneName) || !codes.Contains(-1) ? 0 : 1), pool.Values);
        }

        // The lane fit, counted from the log: an event lies in its lane when its step has a box in the lane of its value.
        var laneOfValue = map.Lanes.Where(l => !l.IsPooled).ToDictionary(l => l.Name, l => l.Id);
        var boxes = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => (n.Step, n.Lane)).ToHashSet();
        long inLane = 0, pooled = 0;
        for (int row = 0; row < log.EventCount; row++)
        {
            string value = codes[row] < 0 ? MapLane.NoneName : values[codes[row]];
            int lane = laneOfValue.TryGetValue(value, out int l) ? l : pool?.Id ?? -1;
            inLane += boxes.Contains((log.Activities[row], lane)) ? 1 : 0;
            pooled += laneOfValue.ContainsKey(value) ? 0 : 1;
        }

        output.WriteLine($"{name} by {attribute}: {map.Lanes.Count} lanes ({string.Join(", ", map.Lanes.Select(l => $"{l.Name} {l.Activities}"))}), {map.Nodes.Count(n => n.IsSplit)} split boxes, fit {map.LaneFit:P1}");
        Assert.Equal(inLane / (double)log.EventCount, map.LaneFit, 9);

        // The events of the values without a lane of their own (pooled, whether or not the pool is drawn).
        Assert.Equal(pooled / (double)log.EventCount, map.LanePooledShare, 9);

        // No box claims a lane that does less than the split share of its step, unless the lane's other boxes hold
        // less than half of its events: then it is the box of the step the lane's value does most events of.
        Assert.All(map.Nodes.Where(n => n.Kind == MapNodeKind.Activity), n => Assert.True(n.LaneShare >= map.Options.LaneSplitShare || n.Boxes == 1 || n.LaneShare == map.Nodes.Where(m => m.Step == n.Step).Max(m => m.LaneShare) || (!map.Lanes[n.Lane].IsPooled && 2 * map.Nodes.Where(m => m.Kind == MapNodeKind.Activity && m.Lane == n.Lane && m.Id != n.Id).Sum(m => m.LaneShare * map.Nodes.Where(o => o.Step == m.Step).Sum(o => o.Events)) < map.Lanes[n.Lane].Events && IsMainStepOf(log, codes, values, map.Lanes[n.Lane].Name, n.Step)), $"{n.Name} is drawn in a lane doing {n.LaneShare:P0} of it"));
    }

    /// <summary>Whether <paramref name="step"/> is the step <paramref name="value"/> does most events of, counted from the log.</summary>
    private static bool IsMainStepOf(Stepwise.Mining.EventLog log, int[] codes, Stepwise.Mining.NameTable values, string value, int step)
    {
        var perStep = new Dictionary<int, int>();
        for (int row = 0; row < log.EventCount; row++)
        {
            if (codes[row] >= 0 ? values[codes[row]] == value : value == MapLane.NoneName)
            {
                perStep[log.Activities[row]] = perStep.GetValueOrDefault(log.Activities[row]) + 1;
            }
        }

        return perStep.TryGetValue(step, out int count) && count == perStep.Values.Max();
    }

    [Fact]
    public void Build_ServiceNowExportByAssignmentGroup_StepsSpreadOverSeveralLanes()
    {
        var map = ProcessMap.Build(RealLogs.Incidents, new MapOptions { LaneAttribute = "assignment_group" });

        Assert.True(map.Lanes.Count(l => l.Activities > 0) >= 2);
        Assert.Contains(map.Nodes, n => n.IsSplit);

        // The 7 busiest of 79 values (events without a group among them) have lanes: Group 70 43,474 events, no group
        // 14,213, Group 25 7,679, Group 24 6,752, Group 20 6,170, Group 39 4,728, Group 23 4,228 (counted from the
        // CSV outside the product); the other 72 do 54,468 of the 141,712 events, and the caption says so beside the fit.
        Assert.Equal(54468.0 / 141712, map.LanePooledShare, 9);
        string caption = string.Join(' ', MapDrawing.Create(map, new MapStyle()).Caption);
        Assert.Contains($"; {map.LanePooledShare * 100:0}% are done by the values pooled in 'other teams", caption, StringComparison.Ordinal);
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
