namespace Stepwise.Charts.Drawing;

/// <summary>One entry of a chart's legend.</summary>
internal sealed record LegendItem(string Label, string Color, LegendSymbol Symbol, string? Dash = null, MarkerShape Shape = MarkerShape.Circle);
