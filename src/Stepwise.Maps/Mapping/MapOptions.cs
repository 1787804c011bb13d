using Stepwise.Mining.Time;

namespace Stepwise.Maps.Mapping;

/// <summary>What a process map shows: how much it is simplified, whether it has swimlanes, and how durations are
/// measured. How it is drawn (overlay, colours, direction) is a <see cref="Rendering.MapStyle"/>.</summary>
public sealed record MapOptions
{
    /// <summary>The defaults: every activity and path, no lanes, elapsed time.</summary>
    public static MapOptions Default { get; } = new();

    /// <summary>Percentage of activities to show, the most frequent (by events) first; 1 to 100.</summary>
    public double ActivityPercent { get; init; } = 100;

    /// <summary>Percentage of paths (directly-follows relations between the shown activities) to show, the most
    /// frequent first; paths needed to keep every shown step reachable from the start and able to reach the end are
    /// added back. 0 to 100.</summary>
    public double PathPercent { get; init; } = 100;

    /// <summary>The attribute whose values become swimlanes (a team, role, resource group, channel; <c>org:resource</c>
    /// for the resource), or null for a map without lanes.</summary>
    public string? LaneAttribute { get; init; }

    /// <summary>The most lanes drawn; when the activities' lanes are more, the lanes with the fewest activities are
    /// pooled into one lane named <see cref="MapLane.OtherName"/>. At least 2.</summary>
    public int MaxLanes { get; init; } = 8;

    /// <summary>How durations are measured (elapsed or working time).</summary>
    public DurationMeasure Measure { get; init; } = DurationMeasure.Elapsed;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A percentage or the lane limit is out of range.</exception>
    public void Validate()
    {
        if (!(ActivityPercent >= 1 && ActivityPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(ActivityPercent), ActivityPercent, "The share of activities shown must be between 1 and 100 percent.");
        }

        if (!(PathPercent >= 0 && PathPercent <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(PathPercent), PathPercent, "The share of paths shown must be between 0 and 100 percent.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLanes, 2);
        ArgumentNullException.ThrowIfNull(Measure);
    }
}
