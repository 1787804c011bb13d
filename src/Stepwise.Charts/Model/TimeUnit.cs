namespace Stepwise.Charts;

/// <summary>The unit durations are shown in.</summary>
public enum TimeUnit
{
    /// <summary>Minutes (min).</summary>
    Minutes,

    /// <summary>Hours (h).</summary>
    Hours,

    /// <summary>Days of 24 hours (d).</summary>
    Days,
}
