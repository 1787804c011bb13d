namespace Stepwise.Monitoring.Kpis;

/// <summary>What a KPI's numbers are.</summary>
public enum KpiUnit
{
    /// <summary>A duration in seconds (elapsed or working time).</summary>
    Seconds,

    /// <summary>A share between 0 and 1.</summary>
    Share,

    /// <summary>Cases per trend interval (week or day).</summary>
    CasesPerInterval,

    /// <summary>A count per case (hand-overs, events).</summary>
    PerCase,

    /// <summary>An amount of money in the cost model's currency.</summary>
    Money,

    /// <summary>A score on the feedback's scale.</summary>
    Score,

    /// <summary>A number in the attribute's own units.</summary>
    Number,
}
