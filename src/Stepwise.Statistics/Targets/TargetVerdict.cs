namespace Stepwise.Statistics.Targets;

/// <summary>What the data say about a target, at the chosen confidence.</summary>
public enum TargetVerdict
{
    /// <summary>The whole confidence interval meets the target.</summary>
    MetWithConfidence,

    /// <summary>The whole confidence interval misses the target.</summary>
    MissedWithConfidence,

    /// <summary>The interval straddles the target: more data are needed to say.</summary>
    Undecided,
}
