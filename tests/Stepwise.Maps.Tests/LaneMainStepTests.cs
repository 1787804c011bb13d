using Stepwise.Maps.Mapping;

namespace Stepwise.Maps.Tests;

/// <summary>Every lane of its own shows its main work: a box of the step it does most of, even where it reaches the
/// split share only in a rare step.</summary>
public sealed class LaneMainStepTests
{
    [Fact]
    public void Build_LaneReachingTheShareOnlyInARareStep_AlsoHoldsItsMainStep()
    {
        // A is done 10 times: P 4, Q 6. Z is done twice, once by P: P does 50% of Z but only 40% of A, so with a split
        // share of 50% P reaches it only in Z. P's main work is A (4 of its 5 events): its lane holds A too.
        string[] traces = ["A@P", "A@P", "A@P", "A@P Z@P", "A@Q", "A@Q", "A@Q", "A@Q", "A@Q", "A@Q Z@Q"];
        var map = ProcessMap.Build(SmallLogs.Of(traces), new MapOptions { LaneAttribute = "team", LaneSplitShare = 0.5 });

        string Box(MapNode n) => $"{n.Name}@{map.Lanes[n.Lane].Name}:{n.Events}";
        Assert.Equal(["A@P:4", "A@Q:6", "Z@P:1", "Z@Q:1"], map.Nodes.Skip(2).Select(Box).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, map.LaneFit, 9);
    }

    [Fact]
    public void Build_Bpic2013LanesByGroup_S42HoldsAcceptedItsMainWork()
    {
        // Counted from the XES file outside the product: S42 does 2,955 of the 40,117 Accepted events (7.4%), 1,238
        // Completed, 186 Queued and 3 of the 5 Unmatched (60%, the only step where it reaches the 20% split share).
        var map = ProcessMap.Build(RealLogs.Bpic2013, new MapOptions { LaneAttribute = "org:group" });

        var s42 = map.Lanes.Single(l => l.Name == "S42");
        var boxes = map.Nodes.Where(n => n.Lane == s42.Id && n.Kind == MapNodeKind.Activity).Select(n => (n.Name, n.Events)).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        Assert.Equal([("Accepted", 2955L), ("Unmatched", 3L)], boxes);
        Assert.Equal(2, s42.Activities);
    }
}
