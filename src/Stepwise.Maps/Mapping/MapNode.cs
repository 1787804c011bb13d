using Stepwise.Mining.Statistics;

namespace Stepwise.Maps.Mapping;

/// <summary>A node of a process map: the start, the end, or an activity with its frequency and service time.</summary>
/// <param name="Id">Its index in <see cref="ProcessMap.Nodes"/> (0 is the start, 1 the end).</param>
/// <param name="Kind">Start, end or activity.</param>
/// <param name="Name">The activity name (for start and end: "Start", "End").</param>
/// <param name="Events">Events of the activity (for start and end: cases).</param>
/// <param name="Cases">Cases in which it occurs.</param>
/// <param name="ServiceTime">Start to completion of its events, in seconds (empty when the log has no start times).</param>
/// <param name="Lane">Its lane in <see cref="ProcessMap.Lanes"/>, or -1 without lanes.</param>
/// <param name="LaneValue">The attribute value that performs most of its events (-1 lane: null).</param>
/// <param name="LaneShare">The share of its events (those with a value) performed by <paramref name="LaneValue"/>; 1 when
/// not split; NaN without lanes or when none of its events has a value.</param>
public sealed record MapNode(int Id, MapNodeKind Kind, string Name, long Events, int Cases, DurationStatistics ServiceTime, int Lane, string? LaneValue, double LaneShare)
{
    /// <summary>The id of the start node.</summary>
    public const int StartId = 0;

    /// <summary>The id of the end node.</summary>
    public const int EndId = 1;

    /// <summary>Whether its events are split across lanes (less than 99.5% in its own).</summary>
    public bool IsSplit => Kind == MapNodeKind.Activity && !double.IsNaN(LaneShare) && LaneShare < 0.995;
}
