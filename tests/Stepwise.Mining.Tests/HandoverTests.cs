using Stepwise.Mining.Discovery;

namespace Stepwise.Mining.Tests;

public class HandoverTests
{
    private static DateTimeOffset T(int hour) => new(2024, 1, 1, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_HandWorkedCases_CountsHandoversAndPingPong()
    {
        // Case 1: ann, bob, ann, ann, cat -> hand-overs ann>bob, bob>ann, ann>cat; ping-pong (ann, bob).
        // Case 2: bob, (no resource), bob, ann -> the gap breaks the chain; then bob>ann.
        var log = new EventLogBuilder()
            .Add("1", "A", T(1), "ann").Add("1", "B", T(2), "bob").Add("1", "C", T(4), "ann").Add("1", "D", T(5), "ann").Add("1", "E", T(8), "cat")
            .Add("2", "A", T(1), "bob").Add("2", "B", T(2)).Add("2", "C", T(3), "bob").Add("2", "D", T(6), "ann")
            .Build();
        var network = HandoverNetwork.Compute(log);
        string Name(int p) => network.Participants[p];
        var byPair = network.Handovers.ToDictionary(h => (Name(h.From), Name(h.To)));
        Assert.Equal(3, byPair.Count);
        Assert.Equal(2, byPair[("bob", "ann")].Count);
        Assert.Equal(2, byPair[("bob", "ann")].Cases);
        Assert.Equal(1, byPair[("ann", "bob")].Count);
        Assert.Equal(1, byPair[("ann", "cat")].Count);
        // bob>ann took 2 h in case 1 and 3 h in case 2.
        Assert.Equal(2.5 * 3600, byPair[("bob", "ann")].Duration.Mean);
        var ping = Assert.Single(network.PingPongs);
        Assert.Equal(("ann", "bob", 1L, 1), (Name(ping.First), Name(ping.Second), ping.Count, ping.Cases));
        Assert.Equal(5, network.Transitions); // 4 in case 1; in case 2 only bob>ann (the pairs touching the event without resource do not count)
        Assert.Equal(2, network.CasesWithHandover);
        Assert.Equal(1, network.CasesWithPingPong);
    }

    [Fact]
    public void Compute_WorkStayingWithTheOtherForSeveralEvents_StillPingPong()
    {
        // Case 1: ann, bob, bob, ann: work comes back to ann after two events with bob (one ping-pong, ann and bob).
        // Case 2: ann, bob, (no resource), ann: the gap breaks the chain (none).
        // Case 3: ann, ann, bob, bob, bob, ann, cat, ann: ann-bob-ann, then ann-cat-ann (two, in one case).
        var log = new EventLogBuilder()
            .Add("1", "A", T(1), "ann").Add("1", "B", T(2), "bob").Add("1", "C", T(3), "bob").Add("1", "D", T(4), "ann")
            .Add("2", "A", T(1), "ann").Add("2", "B", T(2), "bob").Add("2", "C", T(3)).Add("2", "D", T(4), "ann")
            .Add("3", "A", T(1), "ann").Add("3", "B", T(2), "ann").Add("3", "C", T(3), "bob").Add("3", "D", T(4), "bob")
            .Add("3", "E", T(5), "bob").Add("3", "F", T(6), "ann").Add("3", "G", T(7), "cat").Add("3", "H", T(8), "ann")
            .Build();
        var network = HandoverNetwork.Compute(log);
        string Name(int p) => network.Participants[p];
        var pings = network.PingPongs.ToDictionary(x => (Name(x.First), Name(x.Second)), x => (x.Count, x.Cases));

        Assert.Equal(2, pings.Count);
        Assert.Equal((2L, 2), pings[("ann", "bob")]);
        Assert.Equal((1L, 1), pings[("ann", "cat")]);
        Assert.Equal(2, network.CasesWithPingPong);
    }

    [Fact]
    public void Compute_ByAttribute_GroupsTeams()
    {
        var log = new EventLogBuilder()
            .Add("1", "A", T(1), "ann", null, [new("team", "front")])
            .Add("1", "B", T(2), "bob", null, [new("team", "front")])
            .Add("1", "C", T(3), "cat", null, [new("team", "back")])
            .Add("1", "D", T(4), "dan", null, [new("team", "front")])
            .Build();
        var network = HandoverNetwork.Compute(log, "team");
        Assert.Equal(2, network.Handovers.Count);
        var ping = Assert.Single(network.PingPongs);
        Assert.Equal("front", network.Participants[ping.First]);
        Assert.Throws<ArgumentException>(() => HandoverNetwork.Compute(log, "department"));
    }
}
