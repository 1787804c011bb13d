namespace Stepwise.Monitoring.Inference;

/// <summary>How quantile KPIs (medians and 90th percentiles of times) are compared.</summary>
public enum QuantileTest
{
    /// <summary>The difference of the quantiles, with a percentile bootstrap interval and the p-value that inverts it.</summary>
    Bootstrap,

    /// <summary>
    /// The Hodges-Lehmann shift (the median of all after-minus-before differences) with Moses' distribution-free
    /// interval and the Mann-Whitney p-value. It estimates a shift of the whole distribution, not the difference of
    /// the quantiles; 90th-percentile KPIs are still bootstrapped.
    /// </summary>
    HodgesLehmann,
}
