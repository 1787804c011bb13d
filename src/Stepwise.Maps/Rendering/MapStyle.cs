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

    /// <summary>Which way the flow runs (chosen by <see cref="Fit"/> when that names a page).</summary>
    public LayoutDirection Direction { get; init; } = LayoutDirection.TopToBottom;

    /// <summary>The page the map is made for: none (drawn at its natural size), a 16:9 slide or A4. For a page the
    /// direction, spacing and text size are chosen so that the smallest text is as large as possible when the map is
    /// scaled to the page (see <see cref="MapDrawing.SmallestTextPoints"/>), and the picture takes the page's shape.</summary>
    public MapFit Fit { get; init; } = MapFit.None;

    /// <summary>The title shown above the map (e.g. the log's name); null for "Process map".</summary>
    public string? Title { get; init; }

    /// <summary>A figure painted on the steps (cost, satisfaction gap, breaches, waiting) in place of the overlay's
    /// box colour, or null for the overlay's own colours.</summary>
    public StepPaint? Paint { get; init; }
}
