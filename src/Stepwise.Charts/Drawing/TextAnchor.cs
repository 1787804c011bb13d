namespace Stepwise.Charts.Drawing;

/// <summary>Which point of a text its x coordinate gives.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}
