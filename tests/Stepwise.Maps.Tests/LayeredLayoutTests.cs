using Stepwise.Maps.Layout;
using Xunit.Abstractions;

namespace Stepwise.Maps.Tests;

public class LayeredLayoutTests(ITestOutputHelper output)
{
    public static TheoryData<int, int, int, int> RandomCases()
    {
        var data = new TheoryData<int, int, int, int>();
        int[][] shapes = [[6, 8, 1], [12, 20, 1], [20, 40, 1], [30, 45, 3], [40, 90, 1], [25, 60, 4], [60, 150, 2]];
        for (int seed = 1; seed <= 5; seed++)
        {
            foreach (var shape in shapes)
            {
                data.Add(seed, shape[0], shape[1], shape[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Compute_RandomGraph_DrawingIsClean(int seed, int nodes, int edges, int lanes)
    {
        var graph = RandomGraphs.Create(seed, nodes, edges, lanes);
        var layout = LayeredLayout.Compute(graph);

        DrawingChecks.AssertNoNodeOverlaps(layout);
        DrawingChecks.AssertEdgesEndOnTheirNodes(graph, layout);
        DrawingChecks.AssertLabelsClear(layout);
        DrawingChecks.AssertRoutesAvoidBoxes(layout);
        DrawingChecks.AssertLanesContainNodes(layout, graph.LaneOf);
        Assert.Equal(graph.LaneCount, layout.Lanes.Count);
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Compute_RandomGraph_CrossingsAtMostNaiveBaseline(int seed, int nodes, int edges, int lanes)
    {
        var graph = RandomGraphs.Create(seed, nodes, edges, lanes);
        var layout = LayeredLayout.Compute(graph);

        int drawn = DrawingChecks.GeometricCrossings(layout);
        int naive = NaiveLayering.Crossings(graph, layout.Edges.Select(r => r.Reversed).ToList());
        output.WriteLine($"seed {seed}, {nodes} nodes, {graph.EdgeCount} edges, {lanes} lanes: {drawn} crossings drawn, {layout.Crossings} counted by the layout, naive baseline {naive}");
        Assert.True(drawn <= naive, $"{drawn} crossings drawn, naive baseline has {naive}");
    }

    [Fact]
    public void Compute_SameGraphTwice_IdenticalGeometry()
    {
        var a = LayeredLayout.Compute(RandomGraphs.Create(7, 40, 100, 3));
        var b = LayeredLayout.Compute(RandomGraphs.Create(7, 40, 100, 3));

        Assert.Equal(a.Nodes, b.Nodes);
        Assert.Equal(a.Edges.Select(r => r.Label), b.Edges.Select(r => r.Label));
        Assert.Equal(a.Edges.SelectMany(r => r.Points), b.Edges.SelectMany(r => r.Points));
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
    }

    [Fact]
    public void Compute_ReworkLoop_OnlyTheLoopEdgeRunsBack()
    {
        // start -> register -> check -> decide -> end, with check -> register as rework.
        var graph = new LayoutGraph();
        for (int i = 0; i < 5; i++)
        {
            graph.AddNode(new Size(80, 30));
        }

        graph.AddEdge(0, 1, 100);
        graph.AddEdge(1, 2, 120);
        graph.AddEdge(2, 3, 100);
        graph.AddEdge(3, 4, 100);
        int rework = graph.AddEdge(2, 1, 20);

        var layout = LayeredLayout.Compute(graph);

        Assert.Equal([0, 1, 2, 3, 4], layout.NodeLayers);
        Assert.Equal([false, false, false, false, true], layout.Edges.Select(r => r.Reversed));
        var route = layout.Edges[rework].Points;
        Assert.True(route[0].Y < layout.Nodes[2].Center.Y, "a rework edge leaves its source against the flow (upwards)");
        Assert.True(route[^1].Y > layout.Nodes[1].Center.Y, "and enters its target from below");
    }

    [Fact]
    public void Compute_HeavyMainPathWithSideBranches_MainPathIsStraight()
    {
        // Main path 0-1-2-3-4 (weight 100) with side steps 5 and 6 (weight 5) that rejoin.
        var graph = new LayoutGraph();
        for (int i = 0; i < 7; i++)
        {
            graph.AddNode(new Size(100, 30));
        }

        graph.AddEdge(0, 1, 100, new Size(30, 12));
        graph.AddEdge(1, 2, 100, new Size(30, 12));
        graph.AddEdge(2, 3, 100, new Size(30, 12));
        graph.AddEdge(3, 4, 100, new Size(30, 12));
        graph.AddEdge(1, 5, 5, new Size(30, 12));
        graph.AddEdge(5, 3, 5, new Size(30, 12));
        graph.AddEdge(0, 6, 5, new Size(30, 12));
        graph.AddEdge(6, 2, 5, new Size(30, 12));

        var layout = LayeredLayout.Compute(graph);

        double x = layout.Nodes[0].Center.X;
        for (int v = 1; v <= 4; v++)
        {
            Assert.Equal(x, layout.Nodes[v].Center.X, 6);
        }

        foreach (int e in new[] { 0, 1, 2, 3 })
        {
            Assert.All(layout.Edges[e].Points, p => Assert.Equal(x, p.X, 6));
        }
    }

    [Fact]
    public void Compute_SelfLoop_LoopStartsAndEndsOnTheNodeAndLabelIsBesideIt()
    {
        var graph = new LayoutGraph();
        int a = graph.AddNode(new Size(100, 40));
        int b = graph.AddNode(new Size(100, 40));
        graph.AddEdge(a, b, 10, new Size(20, 12));
        int loop = graph.AddEdge(b, b, 3, new Size(24, 12));

        var layout = LayeredLayout.Compute(graph);

        var route = layout.Edges[loop];
        Assert.True(route.SelfLoop);
        Assert.True(layout.Nodes[b].IsOnBorder(route.Points[0]) && layout.Nodes[b].IsOnBorder(route.Points[^1]));
        Assert.True(route.Points.Max(p => p.X) > layout.Nodes[b].Right, "the loop reaches out beside the node");
        Assert.True(route.Label.X > layout.Nodes[b].Right && !route.Label.Overlaps(layout.Nodes[b]));
        Assert.True(route.Label.Right <= layout.Width && layout.Lanes[0].Contains(route.Label));
    }

    [Fact]
    public void Compute_LeftToRight_LayersAreColumns()
    {
        var graph = new LayoutGraph();
        for (int i = 0; i < 3; i++)
        {
            graph.AddNode(new Size(120, 60), lane: i % 2);
        }

        graph.AddEdge(0, 1);
        graph.AddEdge(1, 2);

        var layout = LayeredLayout.Compute(graph, new LayoutOptions { Direction = LayoutDirection.LeftToRight });

        Assert.True(layout.Nodes[0].Right < layout.Nodes[1].X && layout.Nodes[1].Right < layout.Nodes[2].X);
        Assert.True(layout.Lanes[0].Bottom <= layout.Lanes[1].Y + 1e-9, "lanes are rows in id order");
        DrawingChecks.AssertLanesContainNodes(layout, graph.LaneOf);
        DrawingChecks.AssertEdgesEndOnTheirNodes(graph, layout);
    }
}
