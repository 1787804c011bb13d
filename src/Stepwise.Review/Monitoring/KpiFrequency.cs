namespace Stepwise.Review.Monitoring;

/// <summary>How often a KPI is measured.</summary>
public enum KpiFrequency
{
    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every week.</summary>
    Weekly,

    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every quarter.</summary>
    Quarterly,

    /// <summary>Every year.</summary>
    Yearly,
}
