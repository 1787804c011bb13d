namespace Stepwise.Maps.Layout;

/// <summary>A point of a drawing, in pixels; y grows downwards as in SVG.</summary>
public readonly record struct Point(double X, double Y);
