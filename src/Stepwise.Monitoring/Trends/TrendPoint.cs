using Stepwise.Statistics.Control;

namespace Stepwise.Monitoring.Trends;

/// <summary>One interval of a KPI's control chart.</summary>
/// <param name="Label">The interval's first day.</param>
/// <param name="Phase">Before or after the change.</param>
/// <param name="Value">The KPI in the interval (its median, mean, share or count).</param>
/// <param name="Count">Cases or step instances in the interval.</param>
/// <param name="Centre">The centre line of the point's phase.</param>
/// <param name="Lower">The lower control limit of its phase (limits are recomputed after the change).</param>
/// <param name="Upper">The upper control limit of its phase.</param>
/// <param name="Signals">Western Electric rules the point completes within its own phase.</param>
/// <param name="BaselineSignals">For points after the change, the rules they complete against the before phase's centre
/// and limits: how a shift caused by the change shows; empty before the change.</param>
public sealed record TrendPoint(string Label, TrendPhase Phase, double Value, int Count, double Centre, double Lower, double Upper, IReadOnlyList<ControlRule> Signals, IReadOnlyList<ControlRule> BaselineSignals);
