using Stepwise.Maps.Mapping;

namespace Stepwise.Maps.Tests;

public class ProcessMapTests
{
    // Worked by hand. Activities by events: A 5, C 5, B 3, D 1. Showing 75% of 4 activities keeps A, C, B; D is
    // hidden and case 5 becomes A C. Paths: start>A 5, C>end 5, A>B 3, B>C 3, A>C 2. Showing 60% of 5 paths keeps
    // ceil(3) = start>A, C>end and A>B (the first path of frequency 3 by name); C is then unreachable, and the most
    // frequent path into it from the reached part is B>C (3), which is added back. A>C stays hidden, so cases 4
    // and 5 take a hidden path; case 5 also has a hidden step.
    private static readonly string[] Traces = ["A B C", "A B C", "A B C", "A C", "A D C"];

    [Fact]
    public void Build_ShareOfActivitiesAndPaths_KeepsTheHandWorkedPathsAndCountsWhatIsHidden()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces), new MapOptions { ActivityPercent = 75, PathPercent = 60 });

        var shown = map.Edges.Select(e => $"{map.Nodes[e.Source].Name}>{map.Nodes[e.Target].Name}:{e.Frequency}").ToList();
        Assert.Equal(["Start>A:5", "C>End:5", "A>B:3", "B>C:3"], shown);
        Assert.Equal(["Start", "End", "A", "C", "B"], map.Nodes.Select(n => n.Name));
        var c = map.Coverage;
        Assert.Equal((4, 3, 5, 4), (c.Activities, c.ShownActivities, c.Paths, c.ShownPaths));
        Assert.Equal((14L, 13L, 18L, 16L), (c.Events, c.ShownEvents, c.Transitions, c.ShownTransitions));
        Assert.Equal((5, 1, 2, 3), (c.Cases, c.CasesWithHiddenActivity, c.CasesWithHiddenPath, c.CasesFullyShown));
    }

    [Fact]
    public void Build_NoPaths_AddsBackOnlyWhatKeepsEveryStepBetweenStartAndEnd()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces), new MapOptions { PathPercent = 0 });

        // From the start: start>A; from A the most frequent way on is A>B (3, before A>D and A>C), then B>C, and
        // A>D for D; towards the end: C>end, and D>C for D.
        var shown = map.Edges.Select(e => $"{map.Nodes[e.Source].Name}>{map.Nodes[e.Target].Name}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(["A>B", "A>D", "B>C", "C>End", "D>C", "Start>A"], shown);
    }

    [Fact]
    public void Build_Lanes_EachStepInTheLaneOfItsMostFrequentTeamWithShareAndHandovers()
    {
        // A is done by X twice and Y once; B always by Y; C by Y twice and Z once.
        var log = SmallLogs.Of("A@X B@Y C@Y", "A@X B@Y C@Z", "A@Y B@Y C@Y");
        var map = ProcessMap.Build(log, new MapOptions { LaneAttribute = "team" });

        var a = map.Nodes.Single(n => n.Name == "A");
        var b = map.Nodes.Single(n => n.Name == "B");
        var cNode = map.Nodes.Single(n => n.Name == "C");
        Assert.Equal(("X", 2.0 / 3), (a.LaneValue, a.LaneShare));
        Assert.Equal(("Y", 1.0), (b.LaneValue, b.LaneShare));
        Assert.Equal(("Y", 2.0 / 3), (cNode.LaneValue, cNode.LaneShare));
        Assert.True(a.IsSplit && !b.IsSplit);
        Assert.Equal(["X", "Y"], map.Lanes.Select(l => l.Name));
        Assert.Equal(map.Lanes[0].Id, map.Nodes[MapNode.StartId].Lane);
        Assert.Equal(map.Lanes[1].Id, map.Nodes[MapNode.EndId].Lane);
        Assert.Equal(3, map.LaneValueCount);

        // Hand-overs: A>B changes team in cases 1 and 2; B>C in case 2.
        Assert.Equal(2, map.Edges.Single(e => e.Source == a.Id && e.Target == b.Id).Handovers);
        Assert.Equal(1, map.Edges.Single(e => e.Source == b.Id && e.Target == cNode.Id).Handovers);
    }

    [Fact]
    public void Build_MoreLanesThanAllowed_PoolsTheLanesWithFewestSteps()
    {
        var log = SmallLogs.Of("A@P B@Q C@R D@S", "A@P B@Q C@R E@S");
        var map = ProcessMap.Build(log, new MapOptions { LaneAttribute = "team", MaxLanes = 3 });

        // S hosts two steps (D, E), P, Q and R one each; ties go by events and then name: P and Q are kept.
        Assert.Equal(3, map.Lanes.Count);
        var other = map.Lanes.Single(l => l.Name == MapLane.OtherName);
        Assert.Equal(2, other.Values);
        Assert.Equal(other.Id, map.Nodes.Single(n => n.Name == "C").Lane);
        Assert.Equal("R", map.Nodes.Single(n => n.Name == "C").LaneValue);
    }

    [Fact]
    public void Build_UnknownLaneAttribute_ThrowsNamingTheAttributesThereAre()
    {
        var log = SmallLogs.Of("A@X B@Y");
        var error = Assert.Throws<ArgumentException>(() => ProcessMap.Build(log, new MapOptions { LaneAttribute = "channel" }));
        Assert.Contains("channel", error.Message, StringComparison.Ordinal);
        Assert.Contains("team", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(101, 100)]
    [InlineData(50, -1)]
    [InlineData(double.NaN, 100)]
    public void Build_PercentOutOfRange_Throws(double activities, double paths)
        => Assert.Throws<ArgumentOutOfRangeException>(() => ProcessMap.Build(SmallLogs.Of("A B"), new MapOptions { ActivityPercent = activities, PathPercent = paths }));
}
