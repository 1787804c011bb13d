using Stepwise.Mining.Attributes;
using Stepwise.Monitoring.Kpis;

namespace Stepwise.Monitoring.Measures;

/// <summary>Draws the values of a KPI from a period's measures, or says why the KPI cannot be measured.</summary>
internal static class KpiSamples
{
    /// <summary>The values of <paramref name="measure"/> in <paramref name="period"/> (not for volume, which is counted per interval).</summary>
    /// <returns>The sample, or null with the reason in <paramref name="missing"/>.</returns>
    public static Sample? For(KpiMeasure measure, PeriodMeasures period, out string? missing)
    {
        missing = null;
        var log = period.View.Log;
        switch (measure.Kind)
        {
            case KpiKind.ThroughputMedian or KpiKind.ThroughputP90 or KpiKind.ThroughputMean:
                return Sample.PerCase(period.Throughput);
            case KpiKind.WaitingMedian or KpiKind.WaitingP90 or KpiKind.WaitingMean:
                return period.Waiting(measure.Subject!);
            case KpiKind.ReworkRate:
                return Sample.PerCase(period.Rework);
            case KpiKind.HandoversPerCase:
                return Sample.PerCase(period.Handovers);
            case KpiKind.PingPongRate:
                return Sample.PerCase(period.PingPong);
            case KpiKind.EventsPerCase:
                return Sample.PerCase(period.Events);
            case KpiKind.FirstContactResolution:
                missing = period.FirstContact is null ? "the log shows no first-contact resolution (no attribute recording it, no customer, no participants)" : null;
                return period.FirstContact is null ? null : Sample.PerCase(period.FirstContact);
            case KpiKind.BreachRate when period.Breach is null:
                missing = "no rules were given";
                return null;
            case KpiKind.BreachRate when measure.Subject is null:
                return Sample.PerCase(period.Breach!);
            case KpiKind.BreachRate:
                if (period.BreachByRule.TryGetValue(measure.Subject!, out var rule))
                {
                    return Sample.PerCase(rule);
                }

                missing = $"the rules hold no rule '{measure.Subject}' that could be checked on this log";
                return null;
            case KpiKind.CostPerCase:
                missing = period.Cost is null ? "no rates were given" : null;
                return period.Cost is null ? null : Sample.PerCase(period.Cost);
            case KpiKind.Satisfaction:
                missing = period.Satisfaction is null ? "no feedback was given" : null;
                return period.Satisfaction is null ? null : Sample.PerCase(period.Satisfaction);
            case KpiKind.StepShare:
                return Sample.PerCase(period.StepPresence(measure.Subject!));
            case KpiKind.AttributeMean or KpiKind.AttributeShare when !AttributeCodes.Exists(log, measure.Subject!):
                missing = $"the log has no attribute '{measure.Subject}'";
                return null;
            case KpiKind.AttributeMean:
                return Sample.PerCase(period.AttributeNumbers(measure.Subject!));
            case KpiKind.AttributeShare:
                return Sample.PerCase(period.AttributeShare(measure.Subject!, measure.Values));
            default:
                missing = "volume is counted per interval";
                return null;
        }
    }
}
