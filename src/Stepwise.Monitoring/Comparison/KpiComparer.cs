using Stepwise.Monitoring.Inference;
using Stepwise.Monitoring.Kpis;

namespace Stepwise.Monitoring.Comparison;

/// <summary>Compares two samples of a KPI with the test suited to its family.</summary>
internal static class KpiComparer
{
    public static TwoSampleResult Compare(KpiMeasure measure, ReadOnlySpan<double> before, ReadOnlySpan<double> after, MonitorOptions options, long seed)
        => measure.Family switch
        {
            KpiFamily.Quantile when measure.Quantile == 0.5 && options.QuantileTest == QuantileTest.HodgesLehmann => HodgesLehmann.Compare(before, after, options.Confidence),
            KpiFamily.Quantile => QuantileBootstrap.Compare(before, after, measure.Quantile, options.Resamples, seed, options.Confidence),
            KpiFamily.Proportion => TwoProportions.Compare(before, after, options.Confidence),
            KpiFamily.Volume => MeanDifference.Compare(before, after, options.Confidence, "Welch t on cases per interval"),
            _ => MeanDifference.Compare(before, after, options.Confidence),
        };
}
