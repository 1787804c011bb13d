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
}
