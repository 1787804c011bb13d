namespace Stepwise.Review.Reviews;

/// <summary>What a workspace entry is.</summary>
public enum ReviewType
{
    /// <summary>A process review (re-engineering cycle).</summary>
    Process,

    /// <summary>A quality review of the service.</summary>
    Quality,
}
