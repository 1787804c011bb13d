namespace Stepwise.Monitoring.Trends;

/// <summary>The side of the change a control-chart point is on.</summary>
public enum TrendPhase
{
    /// <summary>Before the change.</summary>
    Before,

    /// <summary>After the change (and the settling-in period).</summary>
    After,
}
