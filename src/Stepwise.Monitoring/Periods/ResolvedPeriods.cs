using Stepwise.Mining;

namespace Stepwise.Monitoring.Periods;

/// <summary>The cases of each period, the time that places a case in time (its start or end), and the spans.</summary>
/// <param name="Before">The before cases.</param>
/// <param name="After">The after cases.</param>
/// <param name="BeforeTime">The reference time of a before case (log case index to ticks).</param>
/// <param name="AfterTime">The reference time of an after case.</param>
/// <param name="BeforeFrom">The earliest reference time of a before case.</param>
/// <param name="BeforeTo">The end of the before period (exclusive): the change date, or just after the last case.</param>
/// <param name="AfterFrom">The start of the after period: the end of the settling-in period, or the first case.</param>
/// <param name="AfterTo">The latest reference time of an after case.</param>
/// <param name="Change">The change date in ticks, or null for separate logs.</param>
/// <param name="Settling">Cases left out as settling in.</param>
/// <param name="Across">Cases left out as running across the change.</param>
internal sealed record ResolvedPeriods(
    LogView Before,
    LogView After,
    Func<int, long> BeforeTime,
    Func<int, long> AfterTime,
    long BeforeFrom,
    long BeforeTo,
    long AfterFrom,
    long AfterTo,
    long? Change,
    int Settling,
    int Across);
