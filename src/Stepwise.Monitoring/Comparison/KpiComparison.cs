using Stepwise.Monitoring.Kpis;
using Stepwise.Statistics.Targets;

namespace Stepwise.Monitoring.Comparison;

/// <summary>
/// One KPI before and after the change: the values, the difference (after minus before) with its interval, the test
/// and its p-value (raw and adjusted for the number of KPIs), the verdict with the smallest change the data could
/// have detected, and where asked: the target, the change within each stratum and the mix-adjusted change.
/// </summary>
public sealed record KpiComparison
{
    /// <summary>The KPI.</summary>
    public required MonitoredKpi Kpi { get; init; }

    /// <summary>The KPI's key, e.g. <c>throughput_median</c>.</summary>
    public string Key => Kpi.Measure.Key;

    /// <summary>The KPI's name.</summary>
    public string Name => Kpi.Name;

    /// <summary>The unit of before, after and the differences.</summary>
    public KpiUnit Unit => Kpi.Measure.Unit;

    /// <summary>The test used, e.g. <c>Welch t</c>.</summary>
    public string Test { get; init; } = string.Empty;

    /// <summary>The value before the change.</summary>
    public double Before { get; init; } = double.NaN;

    /// <summary>The value after the change.</summary>
    public double After { get; init; } = double.NaN;

    /// <summary>After minus before (for the Hodges-Lehmann test, the shift).</summary>
    public double Difference { get; init; } = double.NaN;

    /// <summary>Lower bound of the difference's interval.</summary>
    public double Low { get; init; } = double.NaN;

    /// <summary>Upper bound of the difference's interval.</summary>
    public double High { get; init; } = double.NaN;

    /// <summary>Two-sided p-value of no change.</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>The p-value adjusted for the number of KPIs tested.</summary>
    public double AdjustedPValue { get; init; } = double.NaN;

    /// <summary>The verdict.</summary>
    public Verdict Verdict { get; init; } = Verdict.NotMeasured;

    /// <summary>The smallest change the data could have detected at the test level (adjusted) and the stated power.</summary>
    public double DetectableChange { get; init; } = double.NaN;

    /// <summary>The smallest change that matters, in the KPI's units.</summary>
    public double MeaningfulChange { get; init; } = double.NaN;

    /// <summary>Values before (cases, step instances or intervals).</summary>
    public int BeforeCount { get; init; }

    /// <summary>Values after.</summary>
    public int AfterCount { get; init; }

    /// <summary>Lower bound of the after value.</summary>
    public double AfterLow { get; init; } = double.NaN;

    /// <summary>Upper bound of the after value.</summary>
    public double AfterHigh { get; init; } = double.NaN;

    /// <summary>Whether the after value meets the KPI's target with confidence; null without a target.</summary>
    public TargetVerdict? Target { get; init; }

    /// <summary>The change within each stratum of the mix attribute; empty without one.</summary>
    public IReadOnlyList<StratumChange> Strata { get; init; } = [];

    /// <summary>The mix-adjusted change; null without a mix attribute.</summary>
    public MixAdjustment? Mix { get; init; }

    /// <summary>Why the KPI was not measured, or what to know about it; null otherwise.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the verdict is withheld (undecided) because the after cases were cut short by the end of the
    /// data (see <see cref="Periods.FollowUp"/>); the values are shown as measured.</summary>
    public bool CutShort { get; init; }
}
