using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>
/// One KPI of a monitoring run: before, after, the change (after minus before) with its interval, the test and its
/// p-value (raw and adjusted for the number of KPIs), the verdict with the smallest change the data could have
/// detected and the change that matters, the target verdict, and the mix-adjusted change. Values are in the KPI's base
/// unit (<see cref="Unit"/>: seconds, share 0..1, cases per interval, per case, money, score or number); a value the
/// data could not give is null.
/// </summary>
public sealed record KpiOutcome
{
    /// <summary>The measure key, e.g. <c>throughput_median</c>.</summary>
    public required string Key { get => field; init => field = Guard.Text(value, "KPI key", 400); }

    /// <summary>The KPI's name.</summary>
    public required string Name { get => field; init => field = Guard.Text(value, "KPI name", 400); }

    /// <summary>The base unit: seconds, share, cases_per_interval, per_case, money, score or number.</summary>
    public required string Unit { get => field; init => field = Guard.Text(value, "KPI unit", 50); }

    /// <summary>Which way is better: lower, higher or none.</summary>
    public required string Better { get => field; init => field = Guard.Text(value, "KPI direction", 10); }

    /// <summary>The KPI of the monitoring plan it measures, by name; null for a KPI of the standard set.</summary>
    public string? PlanKpi { get => field; init => field = Guard.OptionalText(value, "Plan KPI", 200); }

    /// <summary>The test, e.g. <c>Welch t</c>.</summary>
    public string? Test { get; init; }

    /// <summary>The value before the change.</summary>
    public double? Before { get; init; }

    /// <summary>The value after the change.</summary>
    public double? After { get; init; }

    /// <summary>After minus before.</summary>
    public double? Difference { get; init; }

    /// <summary>Lower bound of the difference's interval.</summary>
    public double? Low { get; init; }

    /// <summary>Upper bound of the difference's interval.</summary>
    public double? High { get; init; }

    /// <summary>Lower bound of the after value.</summary>
    public double? AfterLow { get; init; }

    /// <summary>Upper bound of the after value.</summary>
    public double? AfterHigh { get; init; }

    /// <summary>Two-sided p-value of no change.</summary>
    public double? PValue { get; init; }

    /// <summary>The p-value adjusted for the number of KPIs tested.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>The verdict.</summary>
    public ChangeVerdict Verdict { get => field; init => field = Guard.Defined(value, "Verdict"); }

    /// <summary>The smallest change the data could have detected.</summary>
    public double? DetectableChange { get; init; }

    /// <summary>The smallest change that matters.</summary>
    public double? MeaningfulChange { get; init; }

    /// <summary>Values before (cases, step instances or intervals).</summary>
    public int BeforeCount { get; init; }

    /// <summary>Values after.</summary>
    public int AfterCount { get; init; }

    /// <summary>The plan's target, in the base unit, or null.</summary>
    public double? Target { get; init; }

    /// <summary>met, missed or undecided (the after value's interval against the target); null without a target.</summary>
    public string? TargetVerdict { get; init; }

    /// <summary>The plan's baseline, in the base unit, or null.</summary>
    public double? Baseline { get; init; }

    /// <summary>The mix-adjusted change, when a mix attribute was given.</summary>
    public double? MixAdjusted { get; init; }

    /// <summary>Lower bound of the mix-adjusted change.</summary>
    public double? MixLow { get; init; }

    /// <summary>Upper bound of the mix-adjusted change.</summary>
    public double? MixHigh { get; init; }

    /// <summary>The verdict on the mix-adjusted change.</summary>
    public ChangeVerdict? MixVerdict { get; init; }

    /// <summary>Where the change comes from: process, mix or none; null without a mix attribute.</summary>
    public string? ChangeFrom { get; init; }

    /// <summary>Why the KPI was not measured, or what to know about it.</summary>
    public string? Note { get; init; }

    /// <summary>Whether the verdict was withheld (undecided) because the after cases were cut short by the end of the data.</summary>
    public bool CutShort { get; init; }
}
