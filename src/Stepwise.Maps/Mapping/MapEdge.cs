using Stepwise.Mining.Statistics;

namespace Stepwise.Maps.Mapping;

/// <summary>A path of a process map: one step directly followed by another (among the steps shown).</summary>
/// <param name="Source">The source node id.</param>
/// <param name="Target">The target node id.</param>
/// <param name="Frequency">Times it is taken.</param>
/// <param name="Cases">Cases that take it.</param>
/// <param name="Duration">Time from the source's completion to the target's start (or completion), in seconds; empty
/// for paths from the start and to the end.</param>
/// <param name="Handovers">Times the lane attribute changes value along this path (work passes to another team,
/// role, ...), counting only pairs of events that both have a value; 0 without lanes.</param>
public sealed record MapEdge(int Source, int Target, long Frequency, int Cases, DurationStatistics Duration, long Handovers)
{
    /// <summary>Why the map shows this path (the most frequent paths, a step's main way in or out, or to keep a step
    /// between start and end); <see cref="PathReason.Share"/> on a map that hides no path.</summary>
    public PathReason Reason { get; init; } = PathReason.Share;

    /// <summary>Of <see cref="Frequency"/>, the times a case passed through one or more hidden steps between the two ends
    /// of this path: the map folds such a detour into the path between the shown steps around it. 0 when no step is hidden.</summary>
    public long Folded { get; init; }

    /// <summary>Cases that take this path through hidden steps at least once (see <see cref="Folded"/>).</summary>
    public int FoldedCases { get; init; }
}
