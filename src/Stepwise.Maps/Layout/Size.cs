namespace Stepwise.Maps.Layout;

/// <summary>The size of a box (a node or a label), in pixels.</summary>
public readonly record struct Size(double Width, double Height)
{
    /// <summary>No size: an edge without a label.</summary>
    public static Size Empty => default;

    /// <summary>Whether the size has no area.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;
}
