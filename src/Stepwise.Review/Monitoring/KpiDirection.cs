namespace Stepwise.Review.Monitoring;

/// <summary>Which way a KPI improves.</summary>
public enum KpiDirection
{
    /// <summary>Higher values are better (e.g. satisfaction).</summary>
    HigherIsBetter,

    /// <summary>Lower values are better (e.g. handling time).</summary>
    LowerIsBetter,
}
