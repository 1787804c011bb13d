namespace Stepwise.Monitoring.Kpis;

/// <summary>The kind of statistic a KPI is, which decides how before and after are compared.</summary>
public enum KpiFamily
{
    /// <summary>A quantile of times (median, 90th percentile): bootstrap, or Hodges-Lehmann on request.</summary>
    Quantile,

    /// <summary>A mean per case: Welch's t.</summary>
    Mean,

    /// <summary>A share of cases: the difference of two proportions (Newcombe's interval, the two-proportion z-test).</summary>
    Proportion,

    /// <summary>Cases per interval: Welch's t on the counts of whole intervals.</summary>
    Volume,
}
