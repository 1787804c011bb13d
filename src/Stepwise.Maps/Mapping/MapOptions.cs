using Stepwise.Mining.Time;

namespace Stepwise.Maps.Mapping;

/// <summary>What a process map shows: how much it is simplified, whether it has swimlanes, and how durations are
/// measured. How it is drawn (overlay, colours, direction) is a <see cref="Rendering.MapStyle"/>.</summary>
public sealed record MapOptions
{
    /// <summary>The defaults: every activity and path, no lanes, elapsed time.</summary>
    public static MapOptions Default { get; } = new();

    /// <summary>Share of the work to show, in percent of events, 1 to 100: the busiest steps are kept until together
    /// they account for at least this share of the view's events (at least one step).</summary>
    public double ActivityPercent { get; init; } = 100;

    /// <summary>Share of the transitions to show, in percent, 0 to 100: the most frequent paths between the shown steps
    /// are kept until together they are taken at least this share of the times any path is taken; paths needed to keep
    /// every shown step reachable from the start and able to reach the end are added back.</summary>
    public double PathPercent { get; init; } = 100;

    /// <summary>Whether a simplified map keeps, whatever <see cref="PathPercent"/>, every shown step's main ways in and
    /// out: its most frequent way in and way out (a repeat of the step does not count), and any other that carries at
    /// least a third of the moves into or out of it; the same for the ways cases start and finish. This is the "keep
    /// connected" rule of common process-mining tools, widened so that a step most of whose cases arrive by two ways
    /// shows both. On by default; the paths kept only for this are marked <see cref="PathReason.StepConnection"/>.</summary>
    public bool KeepStepPaths { get; init; } = true;

    /// <summary>The attribute whose values become swimlanes (a team, role, resource group, channel; <c>org:resource</c>
    /// for the resource), or null for a map without lanes.</summary>
    public string? LaneAttribute { get; init; }

    /// <summary>The most lanes drawn; when the attribute has more values, the values doing the most events of the shown
    /// steps get a lane each (one fewer than this) and the rest are pooled into one lane (<see cref="MapLane.PooledName"/>).
    /// At least 2.</summary>
    public int MaxLanes { get; init; } = 8;

    /// <summary>A step gets a box in every lane that performs at least this share of its events (0.05 to 1; the lane
    /// doing most of it always gets one, and a lane of its own whose boxes would hold less than half of its events gets
    /// one for the step it does most of, so that no such lane is empty and each shows its main work). Events in lanes below the share are drawn in the step's main box, and the caption says how
    /// many events lie in the lane that performed them.</summary>
    public double LaneSplitShare { get; init; } = 0.2;

    /// <summary>How durations are measured (elapsed or working time).</summary>
    public DurationMeasure Measure { get; init; } = DurationMeasure.Elapsed;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A percentage, the lane limit or the split share is out of range.</exception>
    public void Validate()
    {
        if (!(ActivityPercent >= 1 && ActivityPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(ActivityPercent), ActivityPercent, "The share of the work shown must be between 1 and 100 percent.");
        }

        if (!(PathPercent >= 0 && PathPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(PathPercent), PathPercent, "The share of transitions shown must be between 0 and 100 percent.");
        }

        if (!(LaneSplitShare >= 0.05 && LaneSplitShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LaneSplitShare), LaneSplitShare, "The share that gives a step a box in a lane must be between 0.05 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLanes, 2);
        ArgumentNullException.ThrowIfNull(Measure);
    }
}
