namespace Stepwise.Statistics.Control;

/// <summary>One point of a control chart.</summary>
/// <param name="Label">The period or subgroup (e.g. <c>2023-11</c>).</param>
/// <param name="Value">The plotted value (a proportion for p-charts, the value for XmR charts).</param>
/// <param name="Count">The subgroup size (responses in the period); 1 for XmR charts.</param>
/// <param name="Centre">The centre line.</param>
/// <param name="Lower">The lower control limit.</param>
/// <param name="Upper">The upper control limit.</param>
/// <param name="Signals">Rules this point completes, empty when it shows only common-cause variation.</param>
public sealed record ControlPoint(string Label, double Value, int Count, double Centre, double Lower, double Upper, IReadOnlyList<ControlRule> Signals);
