using Stepwise.Mining.Time;

namespace Stepwise.Mining.Discovery;

/// <summary>
/// The time between two consecutive step instances of a case, and how it is split into waiting and overlap. The
/// later step waits from the earlier one's completion to its own start (its completion where the log has no start).
/// When it starts before the earlier one completes (only possible with start times), the steps overlap: the waiting
/// time is zero, never negative, and the overlap is the time both were in progress, from the later step's start to
/// the earlier of the two completions.
/// </summary>
public static class StepGap
{
    /// <summary>The waiting time before the later step: zero when the steps overlap.</summary>
    /// <param name="earlierEnd">The earlier step's completion (UTC ticks).</param>
    /// <param name="laterStart">The later step's start, or its completion where it has no start.</param>
    /// <param name="measure">How durations are measured.</param>
    public static long Waiting(long earlierEnd, long laterStart, DurationMeasure measure)
        => laterStart >= earlierEnd ? measure.Between(earlierEnd, laterStart) : 0;

    /// <summary>Whether the later step starts before the earlier one completes.</summary>
    public static bool Overlaps(long earlierEnd, long laterStart) => laterStart < earlierEnd;

    /// <summary>How long both steps were in progress: from the later start to the earlier of the two completions;
    /// zero when they do not overlap.</summary>
    public static long Overlap(long earlierEnd, long laterStart, long laterEnd, DurationMeasure measure)
        => laterStart < earlierEnd ? Math.Max(0, measure.Between(laterStart, Math.Min(earlierEnd, laterEnd))) : 0;
}
