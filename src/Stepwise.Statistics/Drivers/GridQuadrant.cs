namespace Stepwise.Statistics.Drivers;

/// <summary>
/// The quadrants of an importance-performance grid (Martilla and James, 1977), split at the mean importance and the
/// mean performance of the items.
/// </summary>
public enum GridQuadrant
{
    /// <summary>Important and performing below the others: fix these first.</summary>
    ConcentrateHere,

    /// <summary>Important and performing well: keep it up.</summary>
    KeepUpTheGoodWork,

    /// <summary>Less important and performing below the others.</summary>
    LowPriority,

    /// <summary>Less important and performing well: effort may be better spent elsewhere.</summary>
    PossibleOverkill,
}
