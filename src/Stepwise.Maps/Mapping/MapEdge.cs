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
public sealed record MapEdge(int Source, int Target, long Frequency, int Cases, DurationStatistics Duration, long Handovers);
