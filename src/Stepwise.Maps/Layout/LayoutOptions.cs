namespace Stepwise.Maps.Layout;

/// <summary>Spacing and effort of the layered layout, in pixels. Defaults suit maps read on screen and on A4.</summary>
public sealed record LayoutOptions
{
    /// <summary>The defaults.</summary>
    public static LayoutOptions Default { get; } = new();

    /// <summary>Which way the flow runs.</summary>
    public LayoutDirection Direction { get; init; } = LayoutDirection.TopToBottom;

    /// <summary>Space between two nodes of a layer.</summary>
    public double NodeSpacing { get; init; } = 28;

    /// <summary>Space between an edge passing through a layer and its neighbours.</summary>
    public double EdgeSpacing { get; init; } = 12;

    /// <summary>Space between consecutive layers (where edges bend).</summary>
    public double LayerSpacing { get; init; } = 44;

    /// <summary>Space between a lane's border and the boxes inside it.</summary>
    public double LanePadding { get; init; } = 14;

    /// <summary>Room at the start of every lane, along the flow, for the lane's title (0 for none).</summary>
    public double LaneHeader { get; init; }

    /// <summary>How far a self-loop reaches out from its node.</summary>
    public double SelfLoopReach { get; init; } = 18;

    /// <summary>Gap between an edge line and its label.</summary>
    public double LabelGap { get; init; } = 4;

    /// <summary>Up to how many down-and-up sweeps of crossing reduction to run.</summary>
    public int OrderingSweeps { get; init; } = 12;
}
