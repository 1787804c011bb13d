using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Statistics;

/// <summary>The KPIs reported for every run, computed from one replication.</summary>
public static class Kpis
{
    /// <summary>Median throughput time.</summary>
    public const string ThroughputMedian = "throughput_median";

    /// <summary>90th percentile of throughput time.</summary>
    public const string ThroughputP90 = "throughput_p90";

    /// <summary>Mean waiting for staff per case.</summary>
    public const string WaitingMean = "waiting_mean";

    /// <summary>Share of cases within the service level.</summary>
    public const string WithinServiceLevel = "within_service_level";

    /// <summary>Cost per completed case.</summary>
    public const string CostPerCase = "cost_per_case";

    /// <summary>Cases open at the horizon.</summary>
    public const string Backlog = "backlog";

    /// <summary>Share of arrived cases abandoned.</summary>
    public const string Abandonment = "abandonment";

    /// <summary>Completed cases.</summary>
    public const string Completed = "cases_completed";

    /// <summary>Prefix of the utilisation of a pool (followed by the pool's name).</summary>
    public const string UtilisationPrefix = "utilisation:";

    /// <summary>The KPIs of one replication, in a fixed order.</summary>
    public static IReadOnlyList<KpiValue> Of(ReplicationResult r, SimulationModel model)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(model);
        long ended = r.Completed + r.Abandoned;
        var list = new List<KpiValue>
        {
            new(ThroughputMedian, "Throughput time, median", KpiUnit.Seconds, r.ThroughputSeconds.Quantile(0.5)),
            new(ThroughputP90, "Throughput time, 90th percentile", KpiUnit.Seconds, r.ThroughputSeconds.Quantile(0.9)),
            new(WaitingMean, "Waiting for staff per case, mean", KpiUnit.Seconds, r.WaitingSeconds.Mean),
        };
        if (model.ServiceLevel is { } level)
        {
            string what = level.Measure == ServiceLevelMeasure.Throughput ? "throughput" : "waiting";
            list.Add(new(WithinServiceLevel, $"Within service level ({what} <= {Format(level.TargetSeconds)})", KpiUnit.Share, ended == 0 ? double.NaN : (double)r.WithinServiceLevel / ended));
        }

        list.Add(new(CostPerCase, "Cost per case", KpiUnit.Money, r.Completed == 0 || !IsCosted(model) ? double.NaN : r.Cost / r.Completed));
        list.Add(new(Backlog, "Backlog at the horizon (open cases)", KpiUnit.Count, r.BacklogAtHorizon));
        list.Add(new(Abandonment, "Abandoned", KpiUnit.Share, r.Arrivals == 0 ? double.NaN : (double)r.Abandoned / r.Arrivals));
        list.Add(new(Completed, "Cases completed", KpiUnit.Count, r.Completed));
        for (int p = 0; p < r.PoolBusySeconds.Length; p++)
        {
            double staff = r.PoolStaffSeconds[p];
            list.Add(new(UtilisationPrefix + model.Pools[p].Name, $"Utilisation of {model.Pools[p].Name}", KpiUnit.Share, staff > 0 ? r.PoolBusySeconds[p] / staff : double.NaN));
        }

        return list;
    }

    /// <summary>Whether any of the model's work has a cost (a pool's cost per hour, a step's cost per execution): when
    /// none has, cost per case is not known, which is not a cost of zero.</summary>
    public static bool IsCosted(SimulationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Pools.Any(p => p.CostPerHour is not null) || model.Activities.Any(a => a.CostPerExecution > 0);
    }

    /// <summary>What the cost per case leaves out, in a sentence, or null when every pool has a cost per hour.</summary>
    public static string? CostNote(SimulationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var uncosted = model.Pools.Where(p => p.CostPerHour is null).Select(p => $"'{p.Name}'").ToList();
        if (!IsCosted(model))
        {
            return "Cost per case is not costed (a missing figure, not zero): no pool has a cost per hour (costPerHour in the model file).";
        }

        return uncosted.Count == 0 ? null : $"Cost per case is partly costed: {(uncosted.Count <= 5 ? string.Join(", ", uncosted) : $"{uncosted.Count} pools")} {(uncosted.Count == 1 ? "has" : "have")} no cost per hour, so {(uncosted.Count == 1 ? "its" : "their")} work is left out.";
    }

    /// <summary>A service level's time as people write it, leaving out parts that are zero: <c>48d 1h</c>, <c>2d</c>,
    /// <c>4h 30m</c>, <c>1m</c>, <c>20s</c>.</summary>
    internal static string Format(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        var parts = new List<string>(4);
        if (t.Days > 0)
        {
            parts.Add(t.Days.ToString(System.Globalization.CultureInfo.InvariantCulture) + "d");
        }

        foreach (var (value, unit) in new[] { (t.Hours, "h"), (t.Minutes, "m"), (t.Seconds, "s") })
        {
            if (value > 0)
            {
                parts.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture) + unit);
            }
        }

        return parts.Count == 0 ? "0s" : string.Join(' ', parts);
    }
}
