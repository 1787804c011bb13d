namespace Stepwise.Monitoring.Kpis;

/// <summary>Which way a KPI improves; a KPI with no direction (such as volume) is reported as higher or lower.</summary>
public enum KpiDirection
{
    /// <summary>Lower values are better (times, rework, cost).</summary>
    LowerIsBetter,

    /// <summary>Higher values are better (satisfaction, first-contact resolution).</summary>
    HigherIsBetter,

    /// <summary>Neither: a change is reported as an increase or a decrease.</summary>
    None,
}
