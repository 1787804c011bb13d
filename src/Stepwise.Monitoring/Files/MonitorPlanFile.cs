using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Kpis;
using Stepwise.Steps.Files;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Monitoring.Files;

/// <summary>
/// Reads a monitoring plan from a readable YAML (or JSON) file: the KPIs with their targets and baselines, what was
/// agreed about the process after the change, and what was forecast. The format:
/// <code>
/// kpis:
///   - name: Median resolution time
///     measure: throughput_median     # a KPI key, see docs/monitoring.md
///     unit: hours                    # unit of target, baseline and meaningful_change (times: seconds..weeks; rates: % or share)
///     direction: lower               # lower, higher or none (default: the measure's own)
///     target: 24
///     baseline: 30
///     meaningful_change: 2
/// agreed:
///   removed: [Approve request]
///   mandatory: [Confirm with customer]
///   order:
///     - { first: Diagnose, then: Resolve }
/// forecast:
///   source: Simulation of option 'Skip approval', 10 February 2024
///   kpis:
///     - { kpi: throughput_median, unit: hours, low: 20, high: 26 }          # the value after the change
///     - { kpi: rework_rate, unit: "%", low: -4, high: -1, change: true }   # or the change
///   savings: { per_year: 25000, low: 18000, high: 30000, currency: EUR }
/// </code>
/// Every error names the file, line, column and field, and what was expected; unknown fields are errors.
/// </summary>
public static class MonitorPlanFile
{
    /// <summary>Reads the plan at <paramref name="path"/>.</summary>
    /// <exception cref="StepsFileException">The file is not a valid plan.</exception>
    public static MonitorPlan Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a plan from <paramref name="text"/>; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="StepsFileException">The text is not a valid plan.</exception>
    public static MonitorPlan Parse(string text, string name)
    {
        var file = YamlFile.Parse(text, name);
        var root = file.RootMapping("a monitoring plan (a mapping with kpis, agreed and forecast)");
        file.OnlyKeys(root, "a monitoring plan", "kpis", "agreed", "forecast");
        var kpis = new List<MonitoredKpi>();
        if (file.Sequence(root, "kpis", "a list of KPIs, each starting with '- name:' or '- measure:'") is { } list)
        {
            foreach (var item in list.Children)
            {
                kpis.Add(ReadKpi(file, item));
            }
        }

        AgreedChange? agreed = file.Mapping(root, "agreed", "a mapping with removed, mandatory and order") is { } a ? ReadAgreed(file, a) : null;
        Forecast? forecast = file.Mapping(root, "forecast", "a mapping with source, kpis and savings") is { } f ? ReadForecast(file, f) : null;
        return new MonitorPlan(kpis, agreed, forecast);
    }

    private static MonitoredKpi ReadKpi(YamlFile file, YamlNode item)
    {
        if (item is not YamlMappingNode map)
        {
            throw file.Error(item, "kpis", "expected a KPI (a mapping with measure, name, unit, direction, target, baseline)");
        }

        file.OnlyKeys(map, "a KPI", "name", "measure", "unit", "direction", "target", "baseline", "meaningful_change");
        var measure = Measure(file, map, "measure");
        string unit = file.Text(map, "unit") ?? string.Empty;
        double factor = Factor(file, map, unit, measure);
        KpiDirection? direction = file.Text(map, "direction")?.ToLowerInvariant() switch
        {
            null => null,
            "lower" or "lower-is-better" => KpiDirection.LowerIsBetter,
            "higher" or "higher-is-better" => KpiDirection.HigherIsBetter,
            "none" => KpiDirection.None,
            var other => throw file.Error(YamlFile.Get(map, "direction"), "direction", $"expected lower, higher or none; found '{other}'"),
        };
        try
        {
            return new MonitoredKpi
            {
                Measure = measure,
                Name = file.Text(map, "name") ?? measure.DefaultName,
                Direction = direction,
                Target = Value(file, map, "target", measure, factor),
                Baseline = Value(file, map, "baseline", measure, factor),
                MeaningfulChange = Value(file, map, "meaningful_change", measure, factor),
                FromMonitoringPlan = true,
            };
        }
        catch (MonitorOptionException ex)
        {
            throw file.Error(map, null, ex.Message);
        }
    }

    private static AgreedChange ReadAgreed(YamlFile file, YamlMappingNode map)
    {
        file.OnlyKeys(map, "the agreement", "removed", "mandatory", "order");
        var orders = new List<AgreedOrder>();
        if (file.Sequence(map, "order", "a list of orders, each '- { first: STEP, then: STEP }'") is { } list)
        {
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode order)
                {
                    throw file.Error(item, "order", "expected '{ first: STEP, then: STEP }'");
                }

                file.OnlyKeys(order, "an agreed order", "first", "then");
                orders.Add(new AgreedOrder(file.RequiredText(order, "first", "the step that comes first"), file.RequiredText(order, "then", "the step that may only follow it")));
            }
        }

        return new AgreedChange { RemovedSteps = file.List(map, "removed"), MandatorySteps = file.List(map, "mandatory"), Orders = orders };
    }

    private static Forecast ReadForecast(YamlFile file, YamlMappingNode map)
    {
        file.OnlyKeys(map, "the forecast", "source", "kpis", "savings");
        var kpis = new List<KpiForecast>();
        if (file.Sequence(map, "kpis", "a list of forecasts, each '- { kpi: KEY, low: N, high: N }'") is { } list)
        {
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode f)
                {
                    throw file.Error(item, "kpis", "expected '{ kpi: KEY, low: N, high: N }'");
                }

                file.OnlyKeys(f, "a KPI forecast", "kpi", "unit", "low", "high", "change");
                var measure = Measure(file, f, "kpi");
                double factor = Factor(file, f, file.Text(f, "unit") ?? string.Empty, measure);
                double low = Value(file, f, "low", measure, factor) ?? throw file.Error(f, "low", "the field is missing; expected the low end of the forecast");
                double high = Value(file, f, "high", measure, factor) ?? throw file.Error(f, "high", "the field is missing; expected the high end of the forecast");
                if (low > high)
                {
                    throw file.Error(YamlFile.Get(f, "low"), "low", "expected a low end at most the high end");
                }

                string? change = file.Text(f, "change");
                if (change is not null && !bool.TryParse(change, out _))
                {
                    throw file.Error(YamlFile.Get(f, "change"), "change", $"expected true or false; found '{change}'");
                }

                kpis.Add(new KpiForecast { Key = measure.Key, Low = low, High = high, IsChange = change is not null && bool.Parse(change) });
            }
        }

        SavingsForecast? savings = null;
        if (file.Mapping(map, "savings", "a mapping with per_year and optionally low, high and currency") is { } s)
        {
            file.OnlyKeys(s, "the forecast savings", "per_year", "low", "high", "currency");
            double perYear = file.Number(s, "per_year", "an amount per year") ?? throw file.Error(s, "per_year", "the field is missing; expected the forecast savings per year");
            if (perYear < 0)
            {
                throw file.Error(YamlFile.Get(s, "per_year"), "per_year", "expected an amount of zero or more");
            }

            savings = new SavingsForecast { PerYear = perYear, LowPerYear = file.Number(s, "low", "an amount per year"), HighPerYear = file.Number(s, "high", "an amount per year"), Currency = file.Text(s, "currency") ?? string.Empty };
        }

        return new Forecast { Source = file.Text(map, "source"), Kpis = kpis, Savings = savings };
    }

    private static KpiMeasure Measure(YamlFile file, YamlMappingNode map, string key)
    {
        string text = file.RequiredText(map, key, "a KPI key such as throughput_median or waiting_median:STEP");
        return KpiMeasure.TryParse(text, out var measure, out string? error) ? measure : throw file.Error(YamlFile.Get(map, key), key, error);
    }

    private static double Factor(YamlFile file, YamlMappingNode map, string unit, KpiMeasure measure)
        => MonitoredKpi.UnitFactor(unit, measure.Unit)
            ?? throw file.Error(YamlFile.Get(map, "unit"), "unit", measure.Unit == KpiUnit.Seconds
                ? $"expected seconds, minutes, hours, days or weeks for {measure.Key}; found '{unit}'"
                : $"expected % or share for {measure.Key}; found '{unit}'");

    /// <summary>A number in the given unit, or for times also a duration such as 36h.</summary>
    private static double? Value(YamlFile file, YamlMappingNode map, string key, KpiMeasure measure, double factor)
    {
        string? text = file.Text(map, key);
        if (text is null)
        {
            return null;
        }

        if (YamlFile.ParseNumber(text) is { } number)
        {
            return number * factor;
        }

        if (measure.Unit == KpiUnit.Seconds && YamlFile.ParseDuration(text) is { } span)
        {
            return span.TotalSeconds;
        }

        throw file.Error(YamlFile.Get(map, key), key, measure.Unit == KpiUnit.Seconds ? $"expected a number or a duration such as 36h; found '{text}'" : $"expected a number; found '{text}'");
    }
}
