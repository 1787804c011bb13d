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

    /// <summary>Which part of a map split over slides this drawing is (<see cref="MapSlides"/>), or null for a whole map:
    /// a part's caption says which part it is and where its paths come from and go on to, in place of the whole map's
    /// coverage and lanes, which <see cref="MapSlides.Caption"/> gives once for all the parts.</summary>
    public MapPart? Part { get; init; }

    /// <summary>A figure painted on the steps (cost, satisfaction gap, breaches, waiting) in place of the overlay's
    /// box colour, or null for the overlay's own colours.</summary>
    public StepPaint? Paint { get; init; }
}

/// <summary>A part of a map split over slides.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="Of">How many parts the map has.</param>
/// <param name="Text">What it shows and where its paths come from and go on to.</param>
public sealed record MapPart(int Number, int Of, string Text);
