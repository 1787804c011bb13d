using Stepwise.Mining.Discovery;

namespace Stepwise.Mining.Tests;

/// <summary>Steps that overlap (the next starts before the previous completes): zero wait, never negative, with the
/// overlap counted and timed, on a hand-worked example.</summary>
public class OverlapTests
{
    private static DateTimeOffset At(int hour, int minute) => new(2020, 1, 1, hour, minute, 0, TimeSpan.Zero);

    private static EventLog Log()
    {
        var builder = new EventLogBuilder();
        // Case 1: A 09:00-10:00, B 09:30-09:45 (inside A), C 10:30-11:00.
        builder.Add("1", "A", At(10, 0), "Ann", At(9, 0));
        builder.Add("1", "B", At(9, 45), "Bob", At(9, 30));
        builder.Add("1", "C", At(11, 0), "Ann", At(10, 30));
        // Case 2: A 09:00-10:00, B 09:50-10:20.
        builder.Add("2", "A", At(10, 0), "Ann", At(9, 0));
        builder.Add("2", "B", At(10, 20), "Bob", At(9, 50));
        return builder.Build();
    }

    [Fact]
    public void Dfg_OverlappingSteps_ZeroDurationAndOverlapReported()
    {
        var dfg = DirectlyFollowsGraph.Discover(Log());
        var ab = dfg.Edges.Single(e => dfg.NameOf(e.Source) == "A" && dfg.NameOf(e.Target) == "B");

        // Both moves from A to B overlap: B started 30 and 10 minutes before A completed. Overlaps last 15 minutes
        // (B ended first) and 10 minutes (A ended first).
        Assert.Equal(2, ab.Duration.Count);
        Assert.Equal(0, ab.Duration.Max);
        Assert.Equal(2, ab.Overlaps);
        Assert.Equal(1.0, ab.OverlapShare);
        Assert.Equal(750, ab.OverlapTime.Median);
        Assert.Equal(900, ab.OverlapTime.Max);

        // B to C waits from B's completion (09:45) to C's start (10:30).
        var bc = dfg.Edges.Single(e => dfg.NameOf(e.Source) == "B" && dfg.NameOf(e.Target) == "C");
        Assert.Equal(2700, bc.Duration.Median);
        Assert.Equal(0, bc.Overlaps);
    }

    [Fact]
    public void Activities_OverlappingStep_WaitsZero()
    {
        var stats = ActivityStatistics.Compute(Log());
        var b = stats.Single(s => s.Name == "B");
        Assert.Equal([0.0, 0.0], new[] { b.WaitingTime.Min, b.WaitingTime.Max });
        Assert.Equal(2, b.WaitingOverlaps);
        Assert.Equal(1.0, b.OverlapShare);
        var c = stats.Single(s => s.Name == "C");
        Assert.Equal(2700, c.WaitingTime.Mean);
        Assert.Equal(0, c.WaitingOverlaps);
    }

    [Fact]
    public void Handovers_OverlappingSteps_NeverNegative()
    {
        var network = HandoverNetwork.Compute(Log());
        var annToBob = network.Handovers.Single(h => network.Participants[h.From] == "Ann" && network.Participants[h.To] == "Bob");
        Assert.Equal(2, annToBob.Count);
        Assert.Equal(2, annToBob.Overlaps);
        Assert.Equal(0, annToBob.Duration.Max);
    }

    [Theory]
    [InlineData(10, 0, 9, 30, 9, 45, true, 0, 15)]
    [InlineData(10, 0, 9, 50, 10, 20, true, 0, 10)]
    [InlineData(10, 0, 10, 30, 11, 0, false, 30, 0)]
    [InlineData(10, 0, 10, 0, 10, 5, false, 0, 0)]
    public void StepGap_Definition(int endH, int endM, int startH, int startM, int laterEndH, int laterEndM, bool overlaps, int waitMinutes, int overlapMinutes)
    {
        long earlierEnd = At(endH, endM).UtcTicks, laterStart = At(startH, startM).UtcTicks, laterEnd = At(laterEndH, laterEndM).UtcTicks;
        Assert.Equal(overlaps, StepGap.Overlaps(earlierEnd, laterStart));
        Assert.Equal(TimeSpan.FromMinutes(waitMinutes).Ticks, StepGap.Waiting(earlierEnd, laterStart, Time.DurationMeasure.Elapsed));
        Assert.Equal(TimeSpan.FromMinutes(overlapMinutes).Ticks, StepGap.Overlap(earlierEnd, laterStart, laterEnd, Time.DurationMeasure.Elapsed));
    }
}
