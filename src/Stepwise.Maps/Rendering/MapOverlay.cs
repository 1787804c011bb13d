namespace Stepwise.Maps.Rendering;

/// <summary>What the map's colours, widths and labels express.</summary>
public enum MapOverlay
{
    /// <summary>How often: box shade and line width by count, labels show counts.</summary>
    Frequency,

    /// <summary>How long: paths coloured and labelled by the time between steps (boxes by service time where the log
    /// has start times); line width still shows frequency.</summary>
    Performance,
}

/// <summary>What a count counts.</summary>
public enum CountMeasure
{
    /// <summary>Cases that pass (each case once).</summary>
    Cases,

    /// <summary>Events or transitions (repeats count again).</summary>
    Events,
}

/// <summary>Which summary of durations the performance overlay shows.</summary>
public enum TimeStatistic
{
    /// <summary>The median: what a typical case sees.</summary>
    Median,

    /// <summary>The mean: includes the pull of long waits.</summary>
    Mean,
}

/// <summary>The colours of a map.</summary>
public enum MapScheme
{
    /// <summary>Colours for screens on a light background.</summary>
    Light,

    /// <summary>Greys and black with dashes for emphasis, for printing (survives black-and-white copies).</summary>
    Print,
}

/// <summary>The page a map is made for.</summary>
public enum MapFit
{
    /// <summary>No page: the natural size, flowing in the style's direction.</summary>
    None,

    /// <summary>A 16:9 slide (13.33 by 7.5 inches, the common widescreen slide).</summary>
    Slide,

    /// <summary>An A4 sheet with 10 mm margins, upright or sideways, whichever holds the map larger.</summary>
    A4,
}
