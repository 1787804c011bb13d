namespace Stepwise.Steps.Evidence;

/// <summary>Where the handling time of a step's instances comes from. Only <see cref="Measured"/> is measured; every
/// output that uses another basis says so.</summary>
public enum HandlingTimeBasis
{
    /// <summary>From the instance's own start and completion times.</summary>
    Measured,

    /// <summary>A standard time per instance given by the user.</summary>
    Standard,

    /// <summary>Estimated from the log by the method stated in <see cref="HandlingTimes.EstimateMethod"/>; not measured.</summary>
    Estimated,

    /// <summary>Some instances measured, the others standard or estimated.</summary>
    Mixed,

    /// <summary>No start times, no standard time and too little data to estimate: unknown.</summary>
    Unknown,
}
