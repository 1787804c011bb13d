using Stepwise.Maps.Mapping;

namespace Stepwise.Maps.Tests;

/// <summary>
/// The "keep connected" rule of a simplified map (<see cref="MapOptions.KeepStepPaths"/>): whatever the path share,
/// every shown step keeps its main ways in and out, so that no step is drawn cut off from the flow that brings its
/// cases; and the count of the moves the map folds through hidden steps.
/// </summary>
public sealed class KeepStepPathsTests
{
    // Worked by hand. Paths: R>end 8, A>R 7, start>N 5, N>A 4, start>A 3, N>R 1 (28 moves). 30% is 8.4 moves: R>end
    // and A>R make the share. Without the rule the repair adds start>N and N>A, and A looks as if every case reached it
    // from N, though 3 of its 7 come straight from the start. With it: start>N and N>A are the busiest ways out of the
    // start and N, and start>A carries 3 of A's 7 ways in (at least a third); N>R is 1 of N's 5 ways out and 1 of R's 8
    // ways in, and is not the busiest of either, so it stays hidden.
    private static readonly string[] Traces = ["N A R", "N A R", "N A R", "N A R", "A R", "A R", "A R", "N R"];

    private static List<string> Shown(ProcessMap map) => [.. map.Edges.Select(e => $"{map.Nodes[e.Source].Name}>{map.Nodes[e.Target].Name}:{e.Reason}")];

    [Fact]
    public void Build_LowPathShare_KeepsEveryStepsMainWaysInAndOut()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces), new MapOptions { PathPercent = 30 });

        Assert.Equal(["R>End:Share", "A>R:Share", "Start>N:StepConnection", "N>A:StepConnection", "Start>A:StepConnection"], Shown(map));
        Assert.Equal((6, 5), (map.Coverage.Paths, map.Coverage.ShownPaths));
    }

    [Fact]
    public void Build_RuleSwitchedOff_KeepsOnlyTheShareAndWhatReachabilityNeeds()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces), new MapOptions { PathPercent = 30, KeepStepPaths = false });

        Assert.Equal(["R>End:Share", "A>R:Share", "Start>N:Reachability", "N>A:Reachability"], Shown(map));
    }

    [Fact]
    public void Build_FullMap_EveryPathIsShownForTheShare()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces));

        Assert.All(map.Edges, e => Assert.Equal(PathReason.Share, e.Reason));
        Assert.Equal(6, map.Edges.Count);
    }

    [Theory]
    // A's ways out: A>C and A>D; D's ways in: B>D 5 and A>D. A>D is neither end's busiest way, so only its share of A's
    // moves out counts: 2 of 6 is a third (kept), 2 of 7 is not (hidden). It is under a third of D's ways in either way.
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Build_AWayCarryingAThirdOfAStepsMoves_IsKept_ALesserOneIsNot(int toC, bool kept)
    {
        var traces = Enumerable.Repeat("A C", toC).Concat(Enumerable.Repeat("A D", 2)).Concat(Enumerable.Repeat("B D", 5)).ToArray();

        var map = ProcessMap.Build(SmallLogs.Of(traces), new MapOptions { PathPercent = 0 });

        var ad = map.Edges.SingleOrDefault(e => map.Nodes[e.Source].Name == "A" && map.Nodes[e.Target].Name == "D");
        Assert.Equal(kept, ad is not null);
        if (ad is not null)
        {
            Assert.Equal((2L, PathReason.StepConnection), (ad.Frequency, ad.Reason));
        }
    }

    [Fact]
    public void Build_ARepeatOfAStep_IsNeitherItsWayInNorItsWayOut()
    {
        // B repeats itself 6 times, more than any other path: were a repeat a way in or out, it would be B's busiest
        // and A>B or B>C could be left to the repair alone. The repeat is not kept by the rule, and B keeps A>B and B>C.
        var map = ProcessMap.Build(SmallLogs.Of("A B B B B C", "A B B B B C", "A C"), new MapOptions { PathPercent = 0 });

        var shown = Shown(map);
        Assert.DoesNotContain(shown, s => s.StartsWith("B>B", StringComparison.Ordinal));
        Assert.Contains("A>B:StepConnection", shown);
        Assert.Contains("B>C:StepConnection", shown);
    }

    [Fact]
    public void Build_HiddenSteps_CountsTheMovesFoldedThroughThem()
    {
        // D and E are hidden (A 5, C 5, B 2, D 2, E 1 events; 80% of 15 is 12: A, C and B, first of the two steps of 2
        // events by name, make 12). A D C and A E D C are drawn as A>C: 2 of its 3 moves, in 2 cases, are folded.
        var map = ProcessMap.Build(SmallLogs.Of("A B C", "A B C", "A D C", "A E D C", "A C"), new MapOptions { ActivityPercent = 80 });

        Assert.Equal(["A", "C", "B"], map.Nodes.Skip(2).Select(n => n.Name));
        var ac = map.Edges.Single(e => map.Nodes[e.Source].Name == "A" && map.Nodes[e.Target].Name == "C");
        Assert.Equal((3L, 3, 2L, 2), (ac.Frequency, ac.Cases, ac.Folded, ac.FoldedCases));
        Assert.All(map.Edges.Where(e => e != ac), e => Assert.Equal((0L, 0), (e.Folded, e.FoldedCases)));
        Assert.Equal((2L, 2), (map.Coverage.FoldedTransitions, map.Coverage.CasesWithHiddenActivity));
    }

    [Fact]
    public void Build_HiddenStepAtTheStartOrEnd_FoldsIntoThePathFromTheStartOrToTheEnd()
    {
        // X (2 events of 12) is hidden at 80% (A and B make 10 of 9.6): X A B is drawn from the start to A, A B X from
        // B to the end.
        var map = ProcessMap.Build(SmallLogs.Of("X A B", "A B X", "A B", "A B", "A B"), new MapOptions { ActivityPercent = 80 });

        Assert.Equal(["A", "B"], map.Nodes.Skip(2).Select(n => n.Name));
        var start = map.Edges.Single(e => e.Source == MapNode.StartId);
        var end = map.Edges.Single(e => e.Target == MapNode.EndId);
        Assert.Equal((1L, 1), (start.Folded, start.FoldedCases));
        Assert.Equal((1L, 1), (end.Folded, end.FoldedCases));
        Assert.Equal(2L, map.Coverage.FoldedTransitions);
    }

    [Fact]
    public void Build_NoHiddenStep_FoldsNothing()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces), new MapOptions { PathPercent = 30 });

        Assert.Equal(0L, map.Coverage.FoldedTransitions);
        Assert.All(map.Edges, e => Assert.Equal(0L, e.Folded));
    }

    [Fact]
    public void Build_IncidentLogAtThePagesDefaults_ShowsTheWayMostActiveCasesArriveAndTheDetours()
    {
        // The ServiceNow incident log at the Analyse page's defaults (99% of events, 30% of transitions). The expected
        // figures were counted from the CSV file by a separate script (rows per number, stable-sorted by
        // sys_updated_at, the four rarest states dropped): start>Active 6,503 moves and cases; Active's ways in other
        // than a repeat: New 7,965, start 6,503, Awaiting User Info 1,143, Resolved 317, Closed 12 (15,940), so
        // start>Active carries 41% of them; 529 moves in 512 cases pass through a hidden state, 218 of them (in 218
        // cases) on Active>Resolved.
        var log = RealLogs.Incidents;
        var options = new MapOptions { ActivityPercent = 99, PathPercent = 30 };

        var map = ProcessMap.Build(log, options);

        string Name(int id) => map.Nodes[id].Name;
        var fromStart = map.Edges.SingleOrDefault(e => e.Source == MapNode.StartId && Name(e.Target) == "Active");
        Assert.NotNull(fromStart);
        Assert.Equal((6503L, 6503, PathReason.StepConnection), (fromStart.Frequency, fromStart.Cases, fromStart.Reason));
        Assert.DoesNotContain(map.Edges, e => e.Source == e.Target && e.Reason == PathReason.StepConnection);

        // Every shown step's shown ways in and out carry most of its moves in and out (repeats aside).
        var full = ProcessMap.Build(log, options with { PathPercent = 100 });
        foreach (var node in map.Nodes.Where(n => n.Kind == MapNodeKind.Activity))
        {
            int id = full.Nodes.Single(n => n.Name == node.Name).Id;
            long into = full.Edges.Where(e => e.Target == id && e.Source != id).Sum(e => e.Frequency);
            long outOf = full.Edges.Where(e => e.Source == id && e.Target != id).Sum(e => e.Frequency);
            long shownInto = map.Edges.Where(e => e.Target == node.Id && e.Source != node.Id).Sum(e => e.Frequency);
            long shownOutOf = map.Edges.Where(e => e.Source == node.Id && e.Target != node.Id).Sum(e => e.Frequency);
            Assert.True(shownInto * 2 > into && shownOutOf * 2 > outOf, $"{node.Name}: in {shownInto} of {into}, out {shownOutOf} of {outOf}");
        }

        Assert.Equal((529L, 512, 165_419L), (map.Coverage.FoldedTransitions, map.Coverage.CasesWithHiddenActivity, map.Coverage.Transitions));
        var activeResolved = map.Edges.Single(e => Name(e.Source) == "Active" && Name(e.Target) == "Resolved");
        Assert.Equal((12_266L, 218L, 218), (activeResolved.Frequency, activeResolved.Folded, activeResolved.FoldedCases));

        // Without the rule the old map: start>Active hidden, Active reached only from New.
        var old = ProcessMap.Build(log, options with { KeepStepPaths = false });
        Assert.DoesNotContain(old.Edges, e => e.Source == MapNode.StartId && old.Nodes[e.Target].Name == "Active");
    }
}
