using Stepwise.Mining;
using Stepwise.Mining.Discovery;
using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Tests;

public class EvidenceTests
{
    [Fact]
    public void Compute_HandoversAndBounces_CountedByHand()
    {
        // c1: ann Open, bob Check (hand-over, waits 2h), ann Fix (hand-over back: a bounce, waits 4h), ann Close (same person, 1h).
        // c2: ann Open, ann Check (same person, 1h), bob Check (hand-over, 1h; a repeat of Check).
        var log = new EventLogBuilder()
            .Add("c1", "Open", Logs.At(8), "ann").Add("c1", "Check", Logs.At(10), "bob").Add("c1", "Fix", Logs.At(14), "ann").Add("c1", "Close", Logs.At(15), "ann")
            .Add("c2", "Open", Logs.At(8), "ann").Add("c2", "Check", Logs.At(9), "ann").Add("c2", "Check", Logs.At(10), "bob")
            .Build();

        var evidence = StepEvidenceSet.Compute(log);

        var check = evidence.Find("Check")!;
        Assert.Equal((3L, 2, 1L, 1), (check.Events, check.Cases, check.Repeats, check.CasesWithRepeats));
        Assert.Equal((3L, 2L), (check.TransitionsIn, check.HandoversIn));
        Assert.Equal(1.5 * 3600, check.MeanWaitAfterHandover, 9);
        Assert.Equal(3600, check.MeanWaitSameParticipant, 9);
        var fix = evidence.Find("Fix")!;
        Assert.Equal((1L, 1L, 1), (fix.HandoversIn, fix.Bounces, fix.CasesWithBounce));
        Assert.Equal(2L, evidence.Find("Open")!.FirstInCase);
        Assert.Equal(0.5, check.ReworkShare, 9);
        Assert.Equal((7 + 2) * 3600.0, evidence.TotalThroughputSeconds, 9);
        var ann = check.ByResource.Single(r => r.Name == "ann");
        Assert.Equal(3600, ann.MedianWaitingSeconds, 9);
    }

    [Fact]
    public void Compute_RealHelpdesk_HandoversAgreeWithTheHandoverNetwork()
    {
        var log = Logs.Helpdesk;

        var evidence = StepEvidenceSet.Compute(log);
        var network = HandoverNetwork.Compute(log);
        var statistics = ActivityStatistics.Compute(log);

        Assert.Equal(network.Transitions, evidence.Steps.Sum(s => s.TransitionsIn));
        Assert.Equal(network.Handovers.Sum(h => h.Count), evidence.Steps.Sum(s => s.HandoversIn));
        Assert.Equal(network.PingPongs.Sum(p => p.Count), evidence.Steps.Sum(s => s.Bounces));
        Assert.Equal(statistics.Select(s => (s.Name, s.Events, s.CasesWithRepeats)), evidence.Steps.Select(s => (s.Name, s.Events, s.CasesWithRepeats)));
        Assert.Equal(log.CaseCount, evidence.Steps.Sum(s => s.FirstInCase));
        Assert.All(evidence.Steps, s => Assert.Equal(s.Events, s.ByResource.Sum(r => r.Instances) + Enumerable.Range(0, log.EventCount).Count(e => log.Activities[e] == s.Activity && log.Resources[e] < 0)));
    }

    [Fact]
    public void Compute_HandoversByTeam_UsesTheAttribute()
    {
        var log = Logs.Bpic2013;

        var evidence = StepEvidenceSet.Compute(log, handoverBy: "org:group");
        var network = HandoverNetwork.Compute(log, "org:group");

        Assert.Equal("org:group", evidence.HandoverBy);
        Assert.Equal(network.Handovers.Sum(h => h.Count), evidence.Steps.Sum(s => s.HandoversIn));
    }
}
