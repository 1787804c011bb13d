using System.Globalization;

namespace Stepwise.Monitoring.Kpis;

/// <summary>
/// A KPI to compare before and after: what it measures, its name, which way is better, and, for a KPI of a monitoring
/// plan, its target, its recorded baseline and the smallest change that matters. Values are in the measure's base
/// unit (<see cref="KpiMeasure.Unit"/>: seconds, shares 0..1, money, scores); <see cref="FromPlan"/> converts a plan's
/// own units (hours, days, percent).
/// </summary>
public sealed record MonitoredKpi
{
    /// <summary>What is measured.</summary>
    public required KpiMeasure Measure { get => field; init => field = value ?? throw new ArgumentNullException(nameof(Measure)); }

    /// <summary>The name shown; the measure's name by default.</summary>
    public string Name { get => field ?? Measure?.DefaultName ?? "KPI"; init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    /// <summary>Which way is better; the measure's default when null.</summary>
    public KpiDirection? Direction { get; init; }

    /// <summary>The value to reach after the change, or null.</summary>
    public double? Target { get => field; init => field = value is { } v && !double.IsFinite(v) ? throw new MonitorOptionException(nameof(Target), $"The target of KPI '{Name}' must be a number.") : value; }

    /// <summary>The baseline the plan recorded before the change, or null; shown beside the before value measured now.</summary>
    public double? Baseline { get => field; init => field = value is { } v && !double.IsFinite(v) ? throw new MonitorOptionException(nameof(Baseline), $"The baseline of KPI '{Name}' must be a number.") : value; }

    /// <summary>The smallest change that matters, in the KPI's units; null uses the options' relative default.</summary>
    public double? MeaningfulChange { get => field; init => field = value is { } v && !(v > 0 && double.IsFinite(v)) ? throw new MonitorOptionException(nameof(MeaningfulChange), $"The meaningful change of KPI '{Name}' must be a positive number.") : value; }

    /// <summary>Whether the KPI comes from a monitoring plan (rather than the standard set).</summary>
    public bool FromMonitoringPlan { get; init; }

    /// <summary>The direction in force.</summary>
    public KpiDirection EffectiveDirection => Direction ?? Measure.DefaultDirection;

    /// <summary>A KPI of the standard set.</summary>
    public static MonitoredKpi Of(KpiMeasure measure) => new() { Measure = measure };

    /// <summary>
    /// Maps a KPI as a review's monitoring plan holds it onto a KPI to monitor. The plan's definition must hold a measure
    /// key (<see cref="KpiMeasure.Parse"/>), alone or after the words, as in <c>Median resolution time
    /// [throughput_median]</c>; its unit converts the target and baseline: hours, minutes, days, weeks or seconds for
    /// times, percent (<c>%</c>) or share for rates, anything else as given.
    /// </summary>
    /// <param name="name">The plan KPI's name.</param>
    /// <param name="definition">Its definition, holding the measure key.</param>
    /// <param name="unit">Its unit, e.g. <c>hours</c> or <c>%</c>.</param>
    /// <param name="higherIsBetter">Its direction.</param>
    /// <param name="target">Its target in its unit, or null.</param>
    /// <param name="baseline">Its baseline value in its unit, or null.</param>
    /// <exception cref="FormatException">The definition holds no measure key, or the unit does not fit the measure.</exception>
    public static MonitoredKpi FromPlan(string name, string definition, string unit, bool higherIsBetter, double? target, double? baseline)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var measure = MeasureIn(definition) ?? throw new FormatException(
            $"KPI '{name}': its definition '{definition}' names no measure Stepwise can compute; put one in square brackets, e.g. [throughput_median] (one of {string.Join(", ", KpiMeasure.KeyForms)}).");
        double factor = UnitFactor(unit, measure.Unit) ?? throw new FormatException(
            $"KPI '{name}': the unit '{unit}' does not fit {measure.Key}, which is measured in {UnitWords(measure.Unit)}.");
        return new MonitoredKpi
        {
            Measure = measure,
            Name = name,
            Direction = higherIsBetter ? KpiDirection.HigherIsBetter : KpiDirection.LowerIsBetter,
            Target = target * factor,
            Baseline = baseline * factor,
            FromMonitoringPlan = true,
        };
    }

    /// <summary>How many base units one unit of <paramref name="unit"/> is, for a measure in <paramref name="measured"/>
    /// (3600 for hours of a time); null when the unit does not fit.</summary>
    public static double? UnitFactor(string? unit, KpiUnit measured)
    {
        string u = (unit ?? string.Empty).Trim().ToLowerInvariant();
        if (measured == KpiUnit.Seconds)
        {
            return u switch
            {
                "s" or "sec" or "second" or "seconds" => 1,
                "m" or "min" or "minute" or "minutes" => 60,
                "h" or "hr" or "hour" or "hours" => 3600,
                "d" or "day" or "days" => 86400,
                "w" or "week" or "weeks" => 604800,
                _ => null,
            };
        }

        if (measured == KpiUnit.Share)
        {
            return u switch
            {
                "%" or "percent" or "per cent" or "percentage" => 0.01,
                "" or "share" or "proportion" or "fraction" or "rate" => 1,
                _ => null,
            };
        }

        return 1;
    }

    private static string UnitWords(KpiUnit unit) => unit switch
    {
        KpiUnit.Seconds => "time (seconds, minutes, hours, days or weeks)",
        KpiUnit.Share => "a share (percent or share)",
        _ => unit.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static KpiMeasure? MeasureIn(string definition)
    {
        int open = definition.LastIndexOf('[');
        int close = definition.LastIndexOf(']');
        string candidate = open >= 0 && close > open ? definition[(open + 1)..close] : definition;
        return KpiMeasure.TryParse(candidate, out var measure, out _) ? measure : null;
    }
}
