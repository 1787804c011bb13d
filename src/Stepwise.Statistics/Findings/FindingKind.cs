namespace Stepwise.Statistics.Findings;

/// <summary>What a finding is about.</summary>
public enum FindingKind
{
    /// <summary>A metric misses (or may miss) its target.</summary>
    TargetGap,

    /// <summary>An item that drives satisfaction and performs below the others.</summary>
    Driver,

    /// <summary>A theme of comments that is frequent and negative, or comes with lower scores.</summary>
    Theme,

    /// <summary>A group of customers whose results differ significantly from the rest.</summary>
    SegmentGap,

    /// <summary>A control-chart signal of special-cause variation over time.</summary>
    Signal,
}
