namespace Stepwise.Steps.Evidence;

/// <summary>How handling time (the work time of one activity instance) is found when the log has no start times.</summary>
public sealed record HandlingTimeOptions
{
    /// <summary>A standard time per instance of each activity, given by the user (by activity name).</summary>
    public IReadOnlyDictionary<string, TimeSpan> StandardTimes { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>Whether to estimate the handling time of activities with neither start times nor a standard time.</summary>
    public bool Estimate { get; init; } = true;

    /// <summary>The estimate counts the time since the same resource's previous completion only when it is at most this
    /// long (longer gaps are breaks, other work or the end of a shift).</summary>
    public TimeSpan EstimateMaxGap { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>The fewest such gaps an activity needs for an estimate.</summary>
    public int EstimateMinSamples { get; init; } = 5;

    /// <summary>
    /// When a step's wait counts as set by a timer (the same test the scorecard and the questions use). The instances
    /// a timer set (an automatic close 5 days after resolution) are done by the system, not by people: where their time
    /// would be estimated they get no handling time, so no labour cost, and the gaps ending at them are not counted in
    /// the estimate. Measured times and standard times given by the user are kept. Null estimates them like any other.
    /// </summary>
    public TimerDetection? Timers { get; init; } = TimerDetection.Default;
}
