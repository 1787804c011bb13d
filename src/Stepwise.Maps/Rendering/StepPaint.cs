namespace Stepwise.Maps.Rendering;

/// <summary>
/// A figure painted on the map's steps instead of the overlay's box colour: each step's box is coloured along one
/// light-to-dark scale from the lowest to the highest figure shown, and its figure replaces the count under its name.
/// Steps without a figure stay neutral and say so; paths keep the overlay's meaning (width and label).
/// </summary>
public sealed record StepPaint
{
    /// <summary>What is painted, with its unit, as the legend names it: "cost (EUR, estimated handling times)".</summary>
    public required string Measure
    {
        get => field;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Measure));
            field = value.Trim();
        }
    }

    /// <summary>Each step's figure by step name; names absent (or NaN) have no figure.</summary>
    public required IReadOnlyDictionary<string, PaintedFigure> Steps
    {
        get => field;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Steps));
            field = value;
        }
    }

    /// <summary>What a box without a figure says: "no feedback", "not costed".</summary>
    public string Missing { get; init; } = "no figure";

    /// <summary>Whether a higher figure is worse (painted darker). When false the scale runs the other way, so that
    /// the darkest box is always the one that most needs attention (e.g. a more negative satisfaction gap).</summary>
    public bool HigherIsWorse { get; init; } = true;
}

/// <summary>One step's painted figure.</summary>
/// <param name="Value">The number the colour is taken from.</param>
/// <param name="Text">The figure as written in the box, with its unit: "€1,240", "median 2.5 h", "−0.42 points".</param>
public sealed record PaintedFigure(double Value, string Text);
