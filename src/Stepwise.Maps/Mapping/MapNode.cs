using Stepwise.Mining.Statistics;

namespace Stepwise.Maps.Mapping;

/// <summary>A box of a process map: the start, the end, or a step (an activity) with its frequency and service time.
/// On a map with lanes a step done by several teams is drawn as one box in each lane that does a large enough share of
/// it; each box counts the events drawn in it.</summary>
/// <param name="Id">Its index in <see cref="ProcessMap.Nodes"/> (0 is the start, 1 the end).</param>
/// <param name="Kind">Start, end or activity.</param>
/// <param name="Name">The activity name (for start and end: "Start", "End").</param>
/// <param name="Events">Events drawn in this box (for start and end: cases).</param>
/// <param name="Cases">Cases with an event drawn in this box.</param>
/// <param name="ServiceTime">Start to completion of its events, in seconds (empty when the log has no start times).</param>
/// <param name="Lane">Its lane in <see cref="ProcessMap.Lanes"/>, or -1 without lanes.</param>
/// <param name="LaneShare">The share of the step's events performed in this box's lane (0 to 1); NaN without lanes
/// and for start and end.</param>
/// <param name="Step">The step's id: the activity's index in the log's activity table, the same on every map of the
/// log (simplified or not, with lanes or not); -1 for start and end.</param>
/// <param name="FlowRank">Where cases reach the step along the flow (0 = first; see <see cref="ProcessMap"/>); the
/// same for a step on every map of one view; -1 for the start, <see cref="int.MaxValue"/> for the end.</param>
/// <param name="Boxes">How many boxes the step is drawn as (1 without lanes).</param>
public sealed record MapNode(int Id, MapNodeKind Kind, string Name, long Events, int Cases, DurationStatistics ServiceTime, int Lane, double LaneShare, int Step, int FlowRank, int Boxes)
{
    /// <summary>The id of the start node.</summary>
    public const int StartId = 0;

    /// <summary>The id of the end node.</summary>
    public const int EndId = 1;

    /// <summary>Whether the step is drawn in several lanes.</summary>
    public bool IsSplit => Kind == MapNodeKind.Activity && Boxes > 1;
}
