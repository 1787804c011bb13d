namespace Stepwise.Maps.Layout;

/// <summary>An axis-aligned box of a drawing, in pixels, from its top-left corner.</summary>
public readonly record struct Rect(double X, double Y, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => X + Width;

    /// <summary>The bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>The centre.</summary>
    public Point Center => new(X + (Width / 2), Y + (Height / 2));

    /// <summary>Whether the box has no area (e.g. an edge without a label).</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Whether the two boxes share interior area (touching edges do not count).</summary>
    public bool Overlaps(Rect other)
        => !IsEmpty && !other.IsEmpty && X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>Whether <paramref name="inner"/> lies inside this box (edges may touch), within <paramref name="tolerance"/>.</summary>
    public bool Contains(Rect inner, double tolerance = 1e-6)
        => inner.X >= X - tolerance && inner.Y >= Y - tolerance && inner.Right <= Right + tolerance && inner.Bottom <= Bottom + tolerance;

    /// <summary>Whether <paramref name="point"/> lies inside or on this box, within <paramref name="tolerance"/>.</summary>
    public bool Contains(Point point, double tolerance = 1e-6)
        => point.X >= X - tolerance && point.X <= Right + tolerance && point.Y >= Y - tolerance && point.Y <= Bottom + tolerance;

    /// <summary>Whether <paramref name="point"/> lies on the border of this box, within <paramref name="tolerance"/>.</summary>
    public bool IsOnBorder(Point point, double tolerance = 0.01)
        => Contains(point, tolerance)
           && (Math.Abs(point.X - X) <= tolerance || Math.Abs(point.X - Right) <= tolerance || Math.Abs(point.Y - Y) <= tolerance || Math.Abs(point.Y - Bottom) <= tolerance);
}
