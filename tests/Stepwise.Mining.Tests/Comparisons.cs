using Stepwise.Mining.Discovery;
using Stepwise.Mining.Tests.Reference;

namespace Stepwise.Mining.Tests;

/// <summary>Compares the engine's analyses of a log with the reference answers, field by field.</summary>
internal static class Comparisons
{
    public static void AssertSameAnalyses(ReferenceLog reference, EventLog log)
    {
        // Directly-follows graph.
        var expected = ReferenceAnalyses.Dfg(reference);
        var dfg = DirectlyFollowsGraph.Discover(log);
        Assert.Equal(expected.Count, dfg.Edges.Count);
        foreach (var edge in dfg.Edges)
        {
            var want = expected[(dfg.NameOf(edge.Source), dfg.NameOf(edge.Target))];
            Assert.Equal(want.Frequency, edge.Frequency);
            Assert.Equal(want.Cases, edge.Cases);
            AssertClose(want.Mean, edge.Duration.Mean);
            AssertClose(want.Median, edge.Duration.Median);
            AssertClose(want.P90, edge.Duration.P90);
            AssertClose(want.Max, edge.Duration.Max);
            Assert.Equal(want.Overlaps, edge.Overlaps);
            if (want.Overlaps > 0)
            {
                AssertClose(want.OverlapMedian, edge.OverlapTime.Median);
            }

            if (!double.IsNaN(want.Mean))
            {
                Assert.True(edge.Duration.Min >= 0, "an edge duration is negative");
            }
        }

        for (int i = 1; i < dfg.Edges.Count; i++)
        {
            Assert.True(dfg.Edges[i - 1].Frequency >= dfg.Edges[i].Frequency);
        }

        // Variants: same sequences with the same counts, ordered by frequency, shares adding up.
        var variants = VariantSet.Discover(log);
        var expectedVariants = ReferenceAnalyses.Variants(reference).ToDictionary(v => v.Sequence, v => v.Cases);
        Assert.Equal(expectedVariants.Count, variants.Count);
        double cumulative = 0;
        for (int i = 0; i < variants.Count; i++)
        {
            var v = variants[i];
            Assert.Equal(expectedVariants[v.Describe(log.ActivityNames, "|")], v.Cases);
            if (i > 0)
            {
                Assert.True(variants[i - 1].Cases >= v.Cases);
            }

            cumulative += v.Cases / (double)log.CaseCount;
            Assert.Equal(cumulative, v.CumulativeShare, 9);
        }

        Assert.Equal(1.0, variants[^1].CumulativeShare, 9);

        // Activities.
        var expectedActivities = ReferenceAnalyses.Activities(reference);
        var activities = ActivityStatistics.Compute(log);
        Assert.Equal(expectedActivities.Count, activities.Count);
        foreach (var a in activities)
        {
            var want = expectedActivities[a.Name];
            Assert.Equal(want.Events, a.Events);
            Assert.Equal(want.Cases, a.Cases);
            Assert.Equal(want.Repeats, a.Repeats);
            Assert.Equal(want.CasesWithRepeats, a.CasesWithRepeats);
            Assert.Equal(want.SelfLoops, a.SelfLoops);
            Assert.Equal(want.Resources, a.Resources.Count);
            AssertClose(want.WaitMean, a.WaitingTime.Mean);
            AssertClose(want.WaitMedian, a.WaitingTime.Median);
            AssertClose(want.WaitP90, a.WaitingTime.P90);
            AssertClose(want.ServiceMedian, a.ServiceTime.Median);
            Assert.Equal(want.Overlaps, a.WaitingOverlaps);
            Assert.True(a.WaitingTime.Count == 0 || a.WaitingTime.Min >= 0, "a waiting time is negative");
        }
    }

    public static void AssertClose(double expected, double actual)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"expected no value, got {actual}");
            return;
        }

        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
    }
}
