namespace Stepwise.Charts.Drawing;

/// <summary>How a legend entry is drawn.</summary>
internal enum LegendSymbol
{
    Box,
    Line,
    LineWithMarker,
    Marker,
    Ring,
}
