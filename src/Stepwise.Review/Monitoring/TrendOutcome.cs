using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>A KPI's control chart across the change, as computed: one point per interval with its phase's centre and
/// limits and the rules it signals.</summary>
public sealed record TrendOutcome
{
    /// <summary>The KPI's key.</summary>
    public required string Key { get => field; init => field = Guard.Text(value, "Trend key", 400); }

    /// <summary>The KPI's name.</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "Trend name", 400); }

    /// <summary>The base unit of the values (as <see cref="KpiOutcome.Unit"/>).</summary>
    public required string Unit { get => field; init => field = Guard.Text(value, "Trend unit", 50); }

    /// <summary><c>XmR</c> or <c>p</c>.</summary>
    public required string Chart { get => field; init => field = Guard.Text(value, "Chart", 10); }

    /// <summary><c>week</c> or <c>day</c>.</summary>
    public required string Interval { get => field; init => field = Guard.Text(value, "Interval", 10); }

    /// <summary>The points, before the change first.</summary>
    public IReadOnlyList<TrendOutcomePoint> Points { get => field; init => field = Guard.List(value, "Points"); } = [];
}

/// <summary>One point of a control chart.</summary>
/// <param name="Label">The interval's first day.</param>
/// <param name="After">Whether it lies after the change.</param>
/// <param name="Value">The KPI in the interval.</param>
/// <param name="Count">Cases or step instances in it.</param>
/// <param name="Centre">Its phase's centre line.</param>
/// <param name="Lower">Its phase's lower limit (null when not finite).</param>
/// <param name="Upper">Its phase's upper limit (null when not finite).</param>
/// <param name="Signals">Western Electric rules (1 to 5, Nelson's trend 6) it completes within its phase.</param>
/// <param name="BaselineSignals">For points after the change, the rules completed against the before limits.</param>
public sealed record TrendOutcomePoint(string Label, bool After, double Value, int Count, double Centre, double? Lower, double? Upper, IReadOnlyList<int> Signals, IReadOnlyList<int> BaselineSignals);
