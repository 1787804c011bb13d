namespace Stepwise.Charts;

/// <summary>The start of a phase of a control chart (such as the period after a change), drawn as a vertical line
/// before its first point; the limits of the points after it are those of the new phase.</summary>
/// <param name="Start">The index of the phase's first point (at least 1).</param>
/// <param name="Label">What begins there, e.g. <c>change</c>.</param>
public sealed record ControlChartPhase(int Start, string Label);
