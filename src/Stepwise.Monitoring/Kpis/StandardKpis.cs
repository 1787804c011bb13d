namespace Stepwise.Monitoring.Kpis;

/// <summary>The KPIs monitored when none are named.</summary>
public static class StandardKpis
{
    /// <summary>
    /// Throughput time (median, 90th percentile, mean), volume, rework rate, hand-overs per case, ping-pong, first-contact
    /// resolution where the log shows it, breach rate with rules, cost per case with rates, satisfaction with feedback,
    /// and the median waiting time before each of <paramref name="waitingSteps"/>.
    /// </summary>
    public static IReadOnlyList<MonitoredKpi> For(bool firstContact, bool rules, bool rates, bool feedback, IEnumerable<string> waitingSteps)
    {
        ArgumentNullException.ThrowIfNull(waitingSteps);
        var kinds = new List<KpiKind> { KpiKind.ThroughputMedian, KpiKind.ThroughputP90, KpiKind.ThroughputMean, KpiKind.Volume, KpiKind.ReworkRate, KpiKind.HandoversPerCase, KpiKind.PingPongRate };
        if (firstContact)
        {
            kinds.Add(KpiKind.FirstContactResolution);
        }

        if (rules)
        {
            kinds.Add(KpiKind.BreachRate);
        }

        if (rates)
        {
            kinds.Add(KpiKind.CostPerCase);
        }

        if (feedback)
        {
            kinds.Add(KpiKind.Satisfaction);
        }

        var list = kinds.Select(k => MonitoredKpi.Of(new KpiMeasure(k))).ToList();
        list.AddRange(waitingSteps.Select(s => MonitoredKpi.Of(new KpiMeasure(KpiKind.WaitingMedian, s))));
        return list;
    }
}
