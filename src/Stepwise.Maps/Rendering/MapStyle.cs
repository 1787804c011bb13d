using Stepwise.Maps.Layout;

namespace Stepwise.Maps.Rendering;

/// <summary>How a process map is drawn.</summary>
public sealed record MapStyle
{
    /// <summary>Frequency by cases, light colours, flow down the page.</summary>
    public static MapStyle Default { get; } = new();

    /// <summary>Frequency or performance.</summary>
    public MapOverlay Overlay { get; init; } = MapOverlay.Frequency;

    /// <summary>What the frequency overlay counts (and what line widths show).</summary>
    public CountMeasure Count { get; init; } = CountMeasure.Cases;

    /// <summary>Which summary of durations the performance overlay shows.</summary>
    public TimeStatistic Time { get; init; } = TimeStatistic.Median;

    /// <summary>The colour scheme.</summary>
    public MapScheme Scheme { get; init; } = MapScheme.Light;

    /// <summary>Which way the flow runs.</summary>
    public LayoutDirection Direction { get; init; } = LayoutDirection.TopToBottom;

    /// <summary>The title shown above the map (e.g. the log's name); null for "Process map".</summary>
    public string? Title { get; init; }
}
