namespace Stepwise.Maps.Layout;

/// <summary>How an edge is drawn, so that the layout can give it room: ports far enough apart that lines and
/// arrowheads never overlap, a straight run before the arrowhead, and its label clear of its own line.</summary>
/// <param name="LineWidth">Width of the line, in pixels (positive).</param>
/// <param name="ArrowWidth">Width of the arrowhead across the line (0 for none).</param>
/// <param name="ArrowLength">Length of the arrowhead along the line (0 for none).</param>
public readonly record struct EdgeStroke(double LineWidth, double ArrowWidth, double ArrowLength)
{
    /// <summary>A 1-pixel line without arrowhead.</summary>
    public static EdgeStroke Thin => new(1, 0, 0);

    /// <summary>The room the edge takes across a node's side where it ends: its arrowhead, else its line.</summary>
    public double TargetBreadth => Math.Max(LineWidth, ArrowWidth);
}
