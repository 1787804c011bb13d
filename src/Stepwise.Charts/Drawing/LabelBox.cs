namespace Stepwise.Charts.Drawing;

/// <summary>Where a text was placed: its bounding box in SVG units and the text. Layout tests check these boxes for
/// overlaps and for staying inside the picture.</summary>
internal readonly record struct LabelBox(double X, double Y, double Width, double Height, string Text)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    /// <summary>Whether the two boxes share area (touching edges do not count).</summary>
    public bool Overlaps(LabelBox other, double tolerance = 0.01) =>
        X < other.Right - tolerance && other.X < Right - tolerance && Y < other.Bottom - tolerance && other.Y < Bottom - tolerance;
}
