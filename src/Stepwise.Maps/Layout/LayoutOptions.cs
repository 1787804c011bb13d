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

    /// <summary>Gap between the edge of a line and its label.</summary>
    public double LabelGap { get; init; } = 3;

    /// <summary>Room along the flow above and below an edge label, so that lines bending in the gaps stay clear of it.</summary>
    public double LabelPadding { get; init; } = 5;

    /// <summary>Least gap between the ends (lines or arrowheads) of two edges on one side of a node.</summary>
    public double PortGap { get; init; } = 3;

    /// <summary>Least distance from a node's corner to the nearest port.</summary>
    public double PortInset { get; init; } = 6;

    /// <summary>Whether edges change position across the flow with right-angled bends (as BPMN tools draw them)
    /// rather than one diagonal segment per gap; parallel bends in one gap get separate tracks.</summary>
    public bool Orthogonal { get; init; }

    /// <summary>Up to how many down-and-up sweeps of crossing reduction to run.</summary>
    public int OrderingSweeps { get; init; } = 12;
}
