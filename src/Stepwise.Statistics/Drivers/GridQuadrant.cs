namespace Stepwise.Statistics.Drivers;

/// <summary>
/// The quadrants of an importance-performance grid (Martilla and James, 1977), split at the mean importance of the
/// items and at the scale midpoint or a target for performance (not at the items' mean performance, which would call
/// a poorly rated item well performing when the others are worse).
/// </summary>
public enum GridQuadrant
{
    /// <summary>Important and performing below the split: fix these first.</summary>
    ConcentrateHere,

    /// <summary>Important and performing well: keep it up.</summary>
    KeepUpTheGoodWork,

    /// <summary>Less important and performing below the split.</summary>
    LowPriority,

    /// <summary>Less important and performing well: effort may be better spent elsewhere.</summary>
    PossibleOverkill,
}
