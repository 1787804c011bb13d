namespace Stepwise.Charts;

/// <summary>One point of a control chart with its limits and the signal rules it completes.</summary>
/// <param name="Label">The period or subgroup.</param>
/// <param name="Value">The plotted value.</param>
/// <param name="Centre">The centre line at this point.</param>
/// <param name="Lower">The lower control limit at this point (may vary with the subgroup size).</param>
/// <param name="Upper">The upper control limit at this point.</param>
/// <param name="Rules">Numbers of the rules this point completes (see <see cref="ControlChartPlot.RuleName"/>);
/// empty for common-cause variation.</param>
public sealed record ControlChartPoint(string Label, double Value, double Centre, double Lower, double Upper, IReadOnlyList<int> Rules);
